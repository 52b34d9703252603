package org.energychain.trading.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.energychain.ledger.block.Block;
import org.junit.jupiter.api.Test;

/** Queries running while blocks are applied see whole blocks: every answer matches the height it names. */
class ConcurrentQueryTest {
    @Test
    void everyAnswerIsConsistentWithItsHeight() throws Exception {
        CatalogBlocks blocks = new CatalogBlocks("trading");
        SummaryDirectory dir = SummaryDirectory.empty("trading");
        Random rnd = new Random(9);
        List<Block> pending = new ArrayList<>();
        for (int b = 0; b < 150; b++) {
            for (int i = 0; i < 10; i++) {
                blocks.publish(DirectoryPropertyTest.random(rnd, "D1/" + b + "/" + i));
            }
            pending.add(blocks.cut());
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        AtomicBoolean done = new AtomicBoolean();
        try {
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(pool.submit(() -> {
                    int checked = 0;
                    while (!done.get() || checked == 0) {
                        DirectoryPage all = dir.query(DirectoryQuery.builder().limit(1000).build());
                        assertThat(all.total()).isEqualTo(10 * all.height());
                        assertThat(all.entries()).hasSize((int) Math.min(1000, all.total()));
                        DirectoryPage wind = dir.query(DirectoryQuery.builder().path("wind").sort(DirectoryQuery.Sort.PRICE)
                                .limit(3).build());
                        assertThat(wind.entries()).allSatisfy(e -> assertThat(e.listing().energyType()).isEqualTo("wind"));
                        int browsed = dir.browse(List.of()).stream().mapToInt(DirectoryNode::count).sum();
                        assertThat(browsed % 10).isZero();
                        checked++;
                    }
                    return checked;
                }));
            }
            for (Block b : pending) {
                dir.apply(b);
            }
            done.set(true);
            for (Future<Integer> f : readers) {
                assertThat(f.get()).isPositive();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(dir.size()).isEqualTo(1500);
    }
}
