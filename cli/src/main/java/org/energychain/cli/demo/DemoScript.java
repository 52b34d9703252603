package org.energychain.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.energychain.cli.Main;
import org.energychain.cli.common.Json;
import picocli.CommandLine;

/**
 * The demo's way of running a step: each command in-process through the real command line, its exit code
 * checked against the expected one; what did not behave as expected is kept for the demo's verdict.
 */
final class DemoScript {
    final PrintWriter out;
    final List<String> failures = new ArrayList<>();

    DemoScript(PrintWriter out) {
        this.out = out;
    }

    void step(String s) {
        out.println(s);
        out.flush();
    }

    /** Runs a sub-command in-process and checks its exit code; returns its stdout. */
    String expect(int exitCode, String... args) {
        StringWriter sout = new StringWriter();
        StringWriter serr = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(sout));
        cl.setErr(new PrintWriter(serr));
        int code = cl.execute(args);
        if (code != exitCode) {
            failures.add("energychain " + String.join(" ", args) + " exited " + code + ", expected " + exitCode
                    + (serr.toString().isBlank() ? "" : ": " + serr.toString().strip()));
            out.println("   UNEXPECTED exit " + code + ": " + serr.toString().strip());
        }
        return sout.toString();
    }

    static JsonNode json(String s) throws IOException {
        return s.isBlank() ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(s);
    }

    static String indent(String s) {
        return s.indent(3);
    }

    static String[] cat(String[] a, String[] b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /** The private key file of an organisation of a generated network. */
    static String orgKey(Path net, String org) {
        return net.resolve("orgs").resolve(org).resolve(org + ".key").toString();
    }
}
