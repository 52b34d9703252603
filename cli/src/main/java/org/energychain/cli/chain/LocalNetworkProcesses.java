package org.energychain.cli.chain;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.energychain.cli.Main;
import org.energychain.cli.common.Json;
import org.energychain.node.config.NodeConfig;

/**
 * The nodes of a consortium network written by {@code genesis network --consortium} (one directory per node
 * under {@code DIR/nodes}), run as processes of this machine: one {@code energychain node} per node, its
 * output in {@code node.log} and its process id in {@code node.pid} of the node's directory, so that any
 * later command (or a person with {@code kill}) can find it. For people trying the network and for tests.
 */
public final class LocalNetworkProcesses {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path dir;

    /** One node: its directory, configuration and API base URL. */
    public record LocalNode(String id, Path dir, NodeConfig config, String url) {
    }

    public LocalNetworkProcesses(Path dir) {
        this.dir = dir.toAbsolutePath();
    }

    /** The nodes of the network, by id; refuses a directory without {@code nodes/*}/node.yaml. */
    public Map<String, LocalNode> nodes() throws IOException {
        Path nodes = dir.resolve("nodes");
        if (!Files.isDirectory(nodes)) {
            throw new IllegalArgumentException(dir + " holds no consortium network (no nodes/ directory; make one with"
                    + " energychain genesis network --consortium --out " + dir + ")");
        }
        Map<String, LocalNode> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(nodes)) {
            for (Path d : s.sorted().toList()) {
                Path yaml = d.resolve("node.yaml");
                if (Files.isRegularFile(yaml)) {
                    NodeConfig c = NodeConfig.load(yaml);
                    String scheme = c.http().tls().isPresent() ? "https" : "http";
                    String host = c.http().host().equals("0.0.0.0") ? "127.0.0.1" : c.http().host();
                    out.put(d.getFileName().toString(), new LocalNode(d.getFileName().toString(), d, c,
                            scheme + "://" + host + ":" + c.http().port()));
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(nodes + " holds no node directory with a node.yaml");
        }
        return out;
    }

    /** The process of a node if it runs (from its pid file). */
    public Optional<ProcessHandle> process(LocalNode n) throws IOException {
        Path pid = n.dir().resolve("node.pid");
        if (!Files.exists(pid)) {
            return Optional.empty();
        }
        try {
            long id = Long.parseLong(Files.readString(pid).trim());
            // the command line of a process is not checked: the JDK cuts long ones (our class path) short
            return ProcessHandle.of(id).filter(ProcessHandle::isAlive);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Starts a node's process (this JVM's java and class path), unless it runs already. */
    public ProcessHandle start(LocalNode n, List<String> javaOptions) throws IOException {
        return start(n, javaOptions, Map.of(), List.of());
    }

    /**
     * Starts a node's process with extra environment variables, and a command prefix (e.g. {@code ip netns
     * exec NS} to run it in a network namespace), unless it runs already.
     */
    public ProcessHandle start(LocalNode n, List<String> javaOptions, Map<String, String> env, List<String> prefix)
            throws IOException {
        Optional<ProcessHandle> running = process(n);
        if (running.isPresent()) {
            return running.get();
        }
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(javaOptions);
        cmd.add("-cp");
        // absolute: the node runs in its own directory
        cmd.add(java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(e -> !e.isEmpty()).map(e -> Path.of(e).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator)));
        cmd.add(Main.class.getName());
        cmd.add("node");
        cmd.add("--config");
        cmd.add(n.dir().resolve("node.yaml").toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(n.dir().toFile())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(n.dir().resolve("node.log").toFile()))
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().putAll(env);
        Process p = pb.start();
        Files.writeString(n.dir().resolve("node.pid"), Long.toString(p.pid()) + "\n", StandardCharsets.UTF_8);
        return p.toHandle();
    }

    /** Stops a node: SIGTERM, then SIGKILL after {@code grace}; or SIGKILL at once when {@code kill}. */
    public boolean stop(LocalNode n, boolean kill, Duration grace) throws IOException, InterruptedException {
        Optional<ProcessHandle> p = process(n);
        if (p.isEmpty()) {
            return false;
        }
        if (kill) {
            p.get().destroyForcibly();
        } else {
            p.get().destroy();
        }
        try {
            p.get().onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            p.get().destroyForcibly();
            try {
                p.get().onExit().get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException again) {
                throw new IOException("node " + n.id() + " (pid " + p.get().pid() + ") does not stop");
            }
        }
        Files.deleteIfExists(n.dir().resolve("node.pid"));
        return true;
    }

    /** GET a node's API path as JSON, or empty when it does not answer. */
    public Optional<JsonNode> get(LocalNode n, String path) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(n.url() + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() / 100 == 2 || r.statusCode() == 503 ? Optional.of(Json.MAPPER.readTree(r.body()))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Waits until the node's API answers (at most {@code timeout}); whether it does. */
    public boolean awaitUp(LocalNode n, Duration timeout) throws InterruptedException, IOException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (get(n, "/chains").isPresent()) {
                return true;
            }
            if (process(n).isEmpty()) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        return false;
    }
}
