package org.energychain.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.energychain.cli.common.Json;
import picocli.CommandLine;

/** Runs the real command line in-process and captures exit code, stdout and stderr. */
public record Cli(int exit, String out, String err) {
    public static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Cli(code, out.toString(), err.toString());
    }

    /**
     * One real command line for many runs: building it costs more than most runs (picocli resets every
     * option before each parse).
     */
    public static final class Runner {
        private final StringWriter out = new StringWriter();
        private final StringWriter err = new StringWriter();
        private final CommandLine cl = Main.commandLine();

        public Runner() {
            cl.setOut(new PrintWriter(out));
            cl.setErr(new PrintWriter(err));
        }

        public Cli run(String... args) {
            out.getBuffer().setLength(0);
            err.getBuffer().setLength(0);
            int code = cl.execute(args);
            return new Cli(code, out.toString(), err.toString());
        }
    }

    public JsonNode json() {
        try {
            return Json.MAPPER.readTree(out);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + out + "\nstderr: " + err, e);
        }
    }

    @Override
    public String toString() {
        return "exit " + exit + "\nstdout:\n" + out + "\nstderr:\n" + err;
    }
}
