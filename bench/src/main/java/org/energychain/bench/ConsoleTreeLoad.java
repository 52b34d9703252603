package org.energychain.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.energychain.trading.catalog.Listing;
import org.energychain.trading.directory.DirectoryNode;
import org.energychain.trading.directory.SummaryDirectory;

/**
 * What the console's directory tree endpoint ({@code GET /console/api/buyer/{chain}/tree?path=}) does at
 * the server for every node of every level of a catalogue of a million listings: the directory's browse
 * of the path and the JSON answer (name and count of each child), timed per level (p50, p99, max). The
 * catalogue is {@link DirectoryLoad}'s. Usage: {@code ConsoleTreeLoad [listings]} (default 1,000,000).
 */
public final class ConsoleTreeLoad {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConsoleTreeLoad() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Random rnd = new Random(42);
        SyntheticCatalog.Unit[] units = SyntheticCatalog.units(rnd);
        SummaryDirectory dir = SummaryDirectory.empty(SyntheticCatalog.CHAIN);
        for (int start = 0, height = 1; start < n; start += 1_000, height++) {
            List<Listing> batch = new ArrayList<>(1_000);
            for (int i = start; i < Math.min(n, start + 1_000); i++) {
                batch.add(SyntheticCatalog.listing(i, units, rnd));
            }
            dir.apply(SyntheticCatalog.block(height, batch));
        }
        System.out.printf("JDK %s, %d cores: directory of %,d listings%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), dir.size());
        List<List<String>> level = List.of(List.of());
        for (int depth = 0; depth < 5; depth++) {
            // warm-up over the level, then the timed pass (each path once, as a user opening it)
            for (List<String> p : level) {
                answer(dir, p);
            }
            System.gc();
            long[] t = new long[level.size()];
            List<List<String>> next = new ArrayList<>();
            for (int i = 0; i < level.size(); i++) {
                List<String> p = level.get(i);
                long a = System.nanoTime();
                List<DirectoryNode> children = answer(dir, p);
                t[i] = System.nanoTime() - a;
                for (DirectoryNode c : children) {
                    List<String> q = new ArrayList<>(p);
                    q.add(c.name());
                    next.add(q);
                }
            }
            Arrays.sort(t);
            System.out.printf("level %d: %,7d paths opened, p50 %.3f ms, p99 %.3f ms, max %.3f ms%n", depth, t.length,
                    DirectoryLoad.pct(t, 0.5), DirectoryLoad.pct(t, 0.99), t[t.length - 1] / 1e6);
            level = next;
        }
    }

    /** The browse and the JSON bytes of the endpoint's answer; the children (for the next level). */
    private static List<DirectoryNode> answer(SummaryDirectory dir, List<String> path) throws Exception {
        List<DirectoryNode> children = dir.browse(path);
        ObjectNode out = JSON.createObjectNode().put("chain", SyntheticCatalog.CHAIN).put("height", dir.height())
                .put("path", String.join("/", path)).put("level", path.size());
        ArrayNode arr = out.putArray("children");
        for (DirectoryNode c : children) {
            arr.addObject().put("name", c.name()).put("count", c.count());
        }
        byte[] body = JSON.writeValueAsBytes(out);
        if (body.length == 0) {
            throw new IllegalStateException();
        }
        return children;
    }
}
