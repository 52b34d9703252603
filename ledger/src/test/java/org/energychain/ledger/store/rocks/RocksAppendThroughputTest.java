package org.energychain.ledger.store.rocks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keeps the throughput tool working (tiny run, no timing assertion). */
class RocksAppendThroughputTest {
    @Test
    void theMeasurementRuns(@TempDir Path dir) throws Exception {
        assertThat(RocksAppendThroughput.run(3, 50, dir)).startsWith("3 blocks x 50 txs appended");
    }
}
