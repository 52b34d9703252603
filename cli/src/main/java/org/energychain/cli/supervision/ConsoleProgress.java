package org.energychain.cli.supervision;

import java.io.PrintStream;
import org.energychain.supervision.pipeline.Progress;
import org.jspecify.annotations.Nullable;

/**
 * Progress of long work on stderr (so stdout stays clean for {@code --json}); rewrites one line on a
 * terminal, prints at most one line per ten percent otherwise.
 */
final class ConsoleProgress implements Progress {
    private final PrintStream err;
    private final boolean enabled;
    @SuppressWarnings("SystemConsoleNull") // Console.isTerminal() needs Java 22; on 17-21 null means no terminal
    private final boolean tty = System.console() != null;
    private @Nullable String lastPhase;
    private long lastTenth = -1;

    ConsoleProgress(PrintStream err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    @Override
    public synchronized void update(String phase, long done, long total) {
        if (!enabled) {
            return;
        }
        long tenth = total > 0 ? done * 10 / total : -1;
        if (!phase.equals(lastPhase)) {
            lastTenth = -1;
            lastPhase = phase;
        }
        if (tty) {
            err.print("\r" + phase + ": " + done + (total > 0 ? "/" + total : "") + (done == total ? "\n" : ""));
        } else if (tenth != lastTenth || done == total) {
            err.println(phase + ": " + done + (total > 0 ? "/" + total : ""));
        }
        lastTenth = tenth;
        err.flush();
    }
}
