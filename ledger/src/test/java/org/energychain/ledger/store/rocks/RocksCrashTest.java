package org.energychain.ledger.store.rocks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.energychain.crypto.Hex;
import org.energychain.ledger.TestNetwork;
import org.energychain.ledger.contract.ContractRegistry;
import org.energychain.ledger.store.TxLocation;
import org.energychain.ledger.verify.ChainVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a JVM that is committing blocks with SIGKILL ({@code destroyForcibly}) and checks that the reopened
 * store holds every block and transaction that JVM saw acknowledged, and that the chain verifies. Twice,
 * on the same directory, so the second run also recovers a store that was itself recovered.
 * (SIGKILL tests process crashes: the OS keeps what the process wrote; sync=true is what protects against
 * power loss, which a test cannot cut.)
 */
class RocksCrashTest {
    @TempDir
    Path tmp;

    @Test
    void everyAcknowledgedBlockSurvivesAKill() throws Exception {
        Path dir = tmp.resolve("node");
        long lastHeight = 0;
        for (int round = 0; round < 2; round++) {
            Map<String, Long> acked = new LinkedHashMap<>();
            List<Long> blocks = new ArrayList<>();
            int killAfter = 15 + round * 10;
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), CrashWriterMain.class.getName(), dir.toString(),
                    "100000");
            pb.redirectError(tmp.resolve("writer-stderr-" + round + ".txt").toFile());
            Process p = pb.start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                List<String> pendingTxs = new ArrayList<>();
                String line;
                boolean killed = false;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("TX ")) {
                        pendingTxs.add(line);
                    } else if (line.startsWith("BLOCK ")) {
                        long h = Long.parseLong(line.substring(6).trim());
                        blocks.add(h);
                        for (String t : pendingTxs) {
                            String[] f = t.split(" ");
                            acked.put(f[2], Long.parseLong(f[1]));
                        }
                        pendingTxs.clear();
                        if (!killed && blocks.size() >= killAfter) {
                            // SIGKILL through the handle: Process.destroyForcibly would also close our end of the
                            // pipe, and the lines still in it are acknowledged blocks too
                            p.toHandle().destroyForcibly();
                            killed = true;
                        }
                    }
                }
                assertThat(killed).as("the writer was killed while it ran, not finished").isTrue();
            } finally {
                p.destroyForcibly();
                p.waitFor(30, TimeUnit.SECONDS);
            }
            assertThat(p.exitValue()).isNotZero();
            assertThat(blocks).isNotEmpty();
            assertThat(blocks.get(0)).isEqualTo(lastHeight + 1);
            long lastAcked = blocks.get(blocks.size() - 1);

            ContractRegistry contracts = new ContractRegistry().register(new TestNetwork.KvContract());
            try (RocksChainStores stores = RocksChainStores.open(dir)) {
                assertThat(stores.chainIds()).containsExactly("test-chain");
                RocksChainStore store = stores.existing("test-chain").orElseThrow();
                assertThat(store.height()).isGreaterThanOrEqualTo(lastAcked);
                for (long h : blocks) {
                    assertThat(store.block(h)).as("acknowledged block " + h).isPresent();
                }
                for (Map.Entry<String, Long> e : acked.entrySet()) {
                    TxLocation loc = store.locate(Hex.decode(e.getKey())).orElse(null);
                    assertThat(loc).as("acknowledged tx " + e.getKey()).isNotNull();
                    assertThat(loc.height()).isEqualTo(e.getValue());
                }
                ChainVerifier.Report r = new ChainVerifier(contracts).verify(store);
                assertThat(r.ok()).as(r.message()).isTrue();
                lastHeight = store.height();
            }
        }
    }
}
