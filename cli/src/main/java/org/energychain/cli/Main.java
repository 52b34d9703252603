package org.energychain.cli;

import org.energychain.supervision.ingest.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code energychain} command. */
@Command(name = "energychain", mixinStandardHelpOptions = true, version = "energychain 0.1.0",
        description = "Energy data integrity, supervision and trading on blockchains.",
        subcommands = {DemoCommand.class, GenerateCommand.class, IngestCommand.class, ProveCommand.class,
                VerifyCommand.class, DestroyCommand.class, KeysCommand.class, GenesisCommand.class,
                NodeCommand.class, ChainCommand.class, TxCommand.class, AnchorCommand.class, FileCommand.class,
                AckCommand.class, FilingsCommand.class, CheckDeliveryCommand.class, RecordDestructionCommand.class,
                CatalogCommand.class, MarketCommand.class, DispatchCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and the tests. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("energychain " + commandLine.getCommandName() + ": " + message(e));
            commandLine.getErr().flush();
            return isBadInput(e) ? ExitCodes.BAD_INPUT : ExitCodes.INTERNAL_ERROR;
        });
        cl.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println("energychain: " + e.getMessage());
            e.getCommandLine().getErr().println("see: " + e.getCommandLine().getCommandSpec().qualifiedName() + " --help");
            e.getCommandLine().getErr().flush();
            return ExitCodes.BAD_INPUT;
        });
        return cl;
    }

    static boolean isBadInput(Throwable e) {
        return e instanceof InputException || e instanceof IllegalArgumentException
                || e instanceof java.io.FileNotFoundException || e instanceof java.nio.file.NoSuchFileException
                || e instanceof org.energychain.supervision.store.StoreException se && se.kind()
                        != org.energychain.supervision.store.StoreException.Kind.DATABASE;
    }

    static String message(Throwable e) {
        String m = e.getMessage();
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file: " + m;
        }
        return m != null ? m : e.toString();
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
