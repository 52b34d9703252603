package org.energychain.ledger.store.rocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.energychain.crypto.CryptoSuites;
import org.energychain.ledger.Chain;
import org.energychain.ledger.ChainHealth;
import org.energychain.ledger.TestNetwork;
import org.energychain.ledger.exec.Rejection;
import org.energychain.ledger.exec.Submission;
import org.energychain.ledger.store.StorageException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real full disk (a small tmpfs this test mounts; needs root, as in CI): the chain halts with the reason,
 * refuses submissions, acknowledges nothing of the failed block, and resumes once space is freed (the
 * orderer's retry calls the same {@link Chain#probe()} and {@link Chain#cutBlock()}).
 */
class RocksDiskFullTest {
    @TempDir
    Path tmp;
    private Path mount;

    @AfterEach
    void unmount() throws Exception {
        if (mount != null) {
            new ProcessBuilder("umount", "-l", mount.toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private boolean mountTmpfs(Path dir, String size) throws Exception {
        Files.createDirectories(dir);
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString())
                .redirectErrorStream(true).start();
        boolean ok = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        if (ok) {
            mount = dir;
        }
        return ok;
    }

    @Test
    void aFullDiskHaltsTheChainVisiblyAndItResumesWhenSpaceIsFreed() throws Exception {
        assumeThat(mountTmpfs(tmp.resolve("small"), "6m")).as("mounting a tmpfs needs root").isTrue();
        TestNetwork net = new TestNetwork(CryptoSuites.SHA256_ED25519, 100);
        Path ballast = mount.resolve("ballast");
        try (RocksChainStores stores = RocksChainStores.open(mount.resolve("db"))) {
            Chain chain = net.chain(stores.forChain(net.genesis));
            // fill the disk but for a little
            long free = Files.getFileStore(mount).getUsableSpace();
            Files.write(ballast, new byte[(int) Math.max(0, free - 200_000)]);
            long nonce = 0;
            Submission pending = null;
            for (int i = 0; i < 2_000 && chain.health().isOk(); i++) {
                pending = chain.submit(net.tx("g1", net.group, nonce++, "put", "k" + i + "=" + "x".repeat(3000)));
                assertThat(pending.rejection()).isNull();
                try {
                    chain.cutBlock();
                } catch (StorageException e) {
                    assertThat(e.getMessage()).contains("No space left on device");
                }
            }
            assertThat(chain.health().status()).isEqualTo(ChainHealth.Status.HALTED);
            assertThat(chain.health().reason()).contains("No space left on device");
            assertThat(pending.receipt()).as("the transaction of the failed block is not acknowledged").isNotDone();
            long height = chain.store().height();
            assertThat(chain.submit(net.tx("g1", net.group, nonce, "put", "late=1")).rejection().reason())
                    .isEqualTo(Rejection.Reason.UNAVAILABLE);

            Files.delete(ballast);
            chain.probe();
            assertThat(chain.health().isOk()).isTrue();
            assertThat(chain.cutBlock()).isPresent();
            assertThat(pending.receipt().get(30, TimeUnit.SECONDS).height()).isEqualTo(height + 1);
            Submission after = chain.submit(net.tx("g1", net.group, nonce, "put", "after=1"));
            assertThat(after.rejection()).isNull();
            assertThat(chain.cutBlock()).isPresent();
            assertThat(after.receipt().get(30, TimeUnit.SECONDS).result().isOk()).isTrue();
        }
    }
}
