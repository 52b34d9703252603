package org.energychain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The real {@code energychain node} command in its own JVM (the test class path), as NodeCliTest starts it:
 * its stdout is read line by line in the background, its URL taken from the first line; stderr goes to a
 * log file quoted by failures. Stop it with SIGTERM ({@link #stop}) or SIGKILL ({@link #kill}); {@link #close}
 * kills it if it still runs.
 */
public final class NodeProcess implements AutoCloseable {
    private static final String LISTENING = "node listening on ";

    public final Process process;
    public final Path log;
    private final List<String> lines = new ArrayList<>();
    private boolean ended;
    private String url;

    private NodeProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
        Thread reader = new Thread(this::readStdout, "node-stdout-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code node --config config --port 0} and waits (up to 60 s) for its URL and one line per chain. */
    public static NodeProcess start(Path config, Path log, int chains) throws Exception {
        Process p = new ProcessBuilder(NodeProcess.javaBin(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "node", "--config", config.toString(), "--port", "0")
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        NodeProcess n = new NodeProcess(p, log);
        try {
            String first = n.awaitLine(l -> l.startsWith(LISTENING), 60);
            n.url = first.substring(LISTENING.length());
            n.awaitLines(1 + chains, 30);
        } catch (Throwable e) {
            n.close();
            throw e;
        }
        return n;
    }

    public String url() {
        return url;
    }

    /** The lines printed so far. */
    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** The height the node printed at start for a chain ("chain ID (...) height N as M"). */
    public long startHeight(String chain) {
        String prefix = "chain " + chain + " (";
        String line = lines().stream().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no start line of chain " + chain + " in " + lines()));
        String rest = line.substring(line.indexOf(" height ") + " height ".length());
        return Long.parseLong(rest.substring(0, rest.indexOf(' ')));
    }

    /** SIGTERM by pid (Process.destroy() would also close our end of its stdout); expects a clean stop. */
    public void stop() throws Exception {
        assertThat(new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor()).isZero();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("node stopped within 60 s; " + tail()).isTrue();
        assertThat(process.exitValue()).as(tail()).isEqualTo(143);
        awaitLine("node stopped"::equals, 30);
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or closed. */
    public void kill() throws Exception {
        process.toHandle().destroyForcibly();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void readStdout() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (this) {
                    lines.add(line);
                    notifyAll();
                }
            }
        } catch (IOException e) {
            // the stream closes when the process dies
        } finally {
            synchronized (this) {
                ended = true;
                notifyAll();
            }
        }
    }

    public synchronized String awaitLine(Predicate<String> p, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            for (String l : lines) {
                if (p.test(l)) {
                    return l;
                }
            }
            long left = deadline - System.nanoTime();
            if (ended || left <= 0) {
                throw new AssertionError("the node did not print the expected line " + (ended ? "before its output ended"
                        : "within " + seconds + " s") + "; stdout " + lines + "\n" + tail());
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    private synchronized void awaitLines(int n, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (lines.size() < n) {
            long left = deadline - System.nanoTime();
            if (ended || left <= 0) {
                throw new AssertionError("the node printed " + lines + ", expected " + n + " lines\n" + tail());
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** The end of the node's stderr log, for failure messages. */
    public String tail() {
        try {
            if (!Files.exists(log)) {
                return "(no node log)";
            }
            String s = Files.readString(log);
            return "node log " + log + ":\n" + (s.length() > 4000 ? "..." + s.substring(s.length() - 4000) : s);
        } catch (IOException e) {
            return "(node log unreadable: " + e + ")";
        }
    }

    /** The {@code java} of the JVM running the tests, for child JVMs on the test class path. */
    public static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
