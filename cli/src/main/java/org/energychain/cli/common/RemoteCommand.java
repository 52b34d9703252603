package org.energychain.cli.common;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A command that talks to a node ({@code --url --chain [--member --key]}, {@code --json}); refusals of
 * the node become exit codes through {@link Remote#run}. Subclasses implement {@link #work()}: the one way
 * every command that calls a node is written.
 */
public abstract class RemoteCommand implements Callable<Integer> {
    @Spec
    protected picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    protected RemoteOptions remote;

    @Option(names = "--json", description = "Print JSON.")
    protected boolean json;

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** The command's name as the user typed it, e.g. {@code market buy}. */
    protected String commandName() {
        boolean topLevel = spec.parent() == null || spec.parent().parent() == null;
        return topLevel ? spec.name() : spec.parent().name() + " " + spec.name();
    }

    protected abstract Integer work() throws Exception;

    /** Submits a signed call as {@code --member}, waits for the receipt and reports it (exit 0/1). */
    protected int submit(String contract, String method, byte[] args, String what) throws Exception {
        return SignedCalls.submit(remote, contract, method, args, out(), json, what);
    }

    @Override
    public Integer call() throws Exception {
        return Remote.run(spec.commandLine().getErr(), commandName(), this::work);
    }
}
