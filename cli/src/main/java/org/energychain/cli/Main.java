package org.energychain.cli;

import org.energychain.cli.chain.ChainCommand;
import org.energychain.cli.chain.ConsoleCommand;
import org.energychain.cli.chain.GenesisCommand;
import org.energychain.cli.chain.KeysCommand;
import org.energychain.cli.chain.NetworkCommand;
import org.energychain.cli.chain.NodeCommand;
import org.energychain.cli.chain.TxCommand;
import org.energychain.cli.chain.ValidatorsCommand;
import org.energychain.cli.common.ExitCodes;
import org.energychain.cli.demo.DemoCommand;
import org.energychain.cli.dispatch.DispatchCommand;
import org.energychain.cli.supervision.AckCommand;
import org.energychain.cli.supervision.AnchorCommand;
import org.energychain.cli.supervision.CheckDeliveryCommand;
import org.energychain.cli.supervision.DestroyCommand;
import org.energychain.cli.supervision.FileCommand;
import org.energychain.cli.supervision.FilingsCommand;
import org.energychain.cli.supervision.GenerateCommand;
import org.energychain.cli.supervision.IngestCommand;
import org.energychain.cli.supervision.ProveCommand;
import org.energychain.cli.supervision.RecordDestructionCommand;
import org.energychain.cli.supervision.VerifyCommand;
import org.energychain.cli.trading.CatalogCommand;
import org.energychain.cli.trading.MarketCommand;
import org.energychain.supervision.ingest.InputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the {@code energychain} command. Exceptions a command throws become exit codes: bad
 * input 2 with its one-line message; anything else is an internal error, 3, whose stack trace is logged
 * at ERROR (to stderr, like every log) before the one-line message.
 */
@Command(name = "energychain", mixinStandardHelpOptions = true, version = "energychain 0.1.0",
        description = "Energy data integrity, supervision and trading on blockchains.",
        subcommands = {DemoCommand.class, GenerateCommand.class, IngestCommand.class, ProveCommand.class,
                VerifyCommand.class, DestroyCommand.class, KeysCommand.class, GenesisCommand.class,
                NodeCommand.class, ChainCommand.class, TxCommand.class, AnchorCommand.class, FileCommand.class,
                AckCommand.class, FilingsCommand.class, CheckDeliveryCommand.class, RecordDestructionCommand.class,
                CatalogCommand.class, MarketCommand.class, DispatchCommand.class, NetworkCommand.class,
                ValidatorsCommand.class, ConsoleCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and the tests. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            String command = commandLine.getCommandSpec().qualifiedName();
            boolean badInput = isBadInput(e);
            if (badInput) {
                LOG.debug("{}: bad input", command, e);
            } else {
                LOG.error("{}: internal error", command, e);
            }
            commandLine.getErr().println("energychain " + commandLine.getCommandName() + ": "
                    + (badInput ? "" : "internal error (stack trace logged): ") + message(e));
            commandLine.getErr().flush();
            return badInput ? ExitCodes.BAD_INPUT : ExitCodes.INTERNAL_ERROR;
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
