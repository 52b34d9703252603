package org.energychain.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code energychain} command. */
@Command(name = "energychain", mixinStandardHelpOptions = true, version = "energychain 0.1.0",
        description = "Energy data integrity, supervision and trading on blockchains.",
        subcommands = {CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and the tests. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main());
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
