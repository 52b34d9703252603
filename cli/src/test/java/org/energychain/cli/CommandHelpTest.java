package org.energychain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command and subcommand of the real command line answers {@code --help} with its usage and exit 0. */
class CommandHelpTest {
    @Test
    void everyCommandsHelpExitsZeroWithItsUsage() {
        List<List<String>> commands = new ArrayList<>();
        collect(Main.commandLine(), new ArrayList<>(), commands);
        assertThat(commands).hasSizeGreaterThan(40);
        Cli.Runner cli = new Cli.Runner();
        List<String> failed = new ArrayList<>();
        for (List<String> command : commands) {
            List<String> args = new ArrayList<>(command);
            args.add("--help");
            Cli r = cli.run(args.toArray(String[]::new));
            String name = String.join(" ", command);
            if (r.exit() != 0 || !r.out().contains("Usage: energychain" + (name.isEmpty() ? "" : " " + name))) {
                failed.add(name + " --help: " + r);
            }
        }
        assertThat(failed).isEmpty();
    }

    private static void collect(CommandLine cl, List<String> path, List<List<String>> out) {
        out.add(path);
        for (Map.Entry<String, CommandLine> sub : cl.getSubcommands().entrySet()) {
            List<String> p = new ArrayList<>(path);
            p.add(sub.getKey());
            collect(sub.getValue(), p, out);
        }
    }
}
