package org.energychain.ledger.store.rocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.energychain.crypto.CryptoSuites;
import org.energychain.ledger.Chain;
import org.energychain.ledger.TestNetwork;
import org.energychain.ledger.block.Block;
import org.energychain.ledger.store.StorageException;
import org.energychain.ledger.verify.ChainVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.LiveFileMetaData;

/**
 * A damaged database is refused or halts its chain; it never silently loses an acknowledged block, reuses a
 * height, or records a local read error in a signed block.
 */
class RocksDamageTest {
    @TempDir
    Path tmp;

    /** Runs the crash writer until it acknowledged {@code blocks} blocks, kills it with SIGKILL; the last acked height. */
    private long writeAndKill(Path dir, int blocks) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashWriterMain.class.getName(), dir.toString(),
                String.valueOf(blocks));
        pb.redirectError(tmp.resolve("writer-stderr.txt").toFile());
        Process p = pb.start();
        long last = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("BLOCK ")) {
                    last = Long.parseLong(line.substring(6).trim());
                    if (last >= blocks) {
                        p.toHandle().destroyForcibly();
                    }
                }
            }
        } finally {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(last).isEqualTo(blocks);
        return last;
    }

    private static Path newestWal(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("\\d+\\.log"))
                    .max(Comparator.comparing(f -> f.getFileName().toString())).orElseThrow();
        }
    }

    @Test
    void aTruncatedWriteAheadLogIsRefusedInsteadOfDroppingAcknowledgedBlocks() throws Exception {
        Path dir = tmp.resolve("db");
        writeAndKill(dir, 20);
        Path wal = newestWal(dir);
        long size = Files.size(wal);
        assertThat(size).isGreaterThan(10_000);
        try (RandomAccessFile f = new RandomAccessFile(wal.toFile(), "rw")) {
            f.setLength(size / 2);
        }
        assertThatThrownBy(() -> {
            try (RocksChainStores stores = RocksChainStores.open(dir)) {
                stores.existing("test-chain");
            }
        }).isInstanceOf(StorageException.class).hasMessageContaining("acknowledged")
                .hasMessageContaining("block 20").hasMessageContaining("to recover");
    }

    @Test
    void aWriteAheadLogDamagedInTheMiddleIsRefused() throws Exception {
        Path dir = tmp.resolve("db");
        writeAndKill(dir, 20);
        Path wal = newestWal(dir);
        long size = Files.size(wal);
        try (RandomAccessFile f = new RandomAccessFile(wal.toFile(), "rw")) {
            f.seek(size / 3);
            f.write(new byte[] {0x55, 0x55, 0x55, 0x55, 0x55, 0x55, 0x55, 0x55});
        }
        assertThatThrownBy(() -> {
            try (RocksChainStores stores = RocksChainStores.open(dir)) {
                stores.existing("test-chain");
            }
        }).isInstanceOf(StorageException.class).hasMessageContaining("to recover");
    }

    @Test
    void anUndamagedDatabaseOpensAfterAKillAndGoesOnFromItsHeight() throws Exception {
        Path dir = tmp.resolve("db");
        writeAndKill(dir, 5);
        try (RocksChainStores stores = RocksChainStores.open(dir)) {
            assertThat(stores.existing("test-chain").orElseThrow().height()).isGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void aDamagedTableFileHaltsTheChainAndNothingOfItReachesABlock() throws Exception {
        TestNetwork net = new TestNetwork(CryptoSuites.SHA256_ED25519, 10);
        Path dir = tmp.resolve("db");
        try (RocksChainStores stores = RocksChainStores.open(dir)) {
            Chain chain = net.chain(stores.forChain(net.genesis));
            for (int i = 0; i < 50; i++) {
                chain.submit(net.tx("g1", net.group, i, "put", "k" + i + "=" + "v".repeat(200)));
            }
            assertThat(chain.cutBlock()).isPresent();
            stores.flush();
        }
        Path sst;
        try (RocksChainStores stores = RocksChainStores.open(dir)) {
            sst = stores.db().getLiveFilesMetaData().stream()
                    .filter(m -> new String(m.columnFamilyName(), StandardCharsets.UTF_8).equals("test-chain/state"))
                    .map(RocksDamageTest::pathOf).findFirst().orElseThrow();
        }
        byte[] original = Files.readAllBytes(sst);
        byte[] damaged = original.clone();
        for (int i = 100; i < 140; i++) {
            damaged[i] ^= (byte) 0xff;
        }
        Files.write(sst, damaged);

        try (RocksChainStores stores = RocksChainStores.open(dir)) {
            Chain chain = net.chain(stores.forChain(net.genesis));
            // the damage is met reading the sender's nonce at admission or the contract's key in the block
            var s = chain.submit(net.tx("reg", net.regulator, 0, "careful-read", "k1"));
            if (s.accepted()) {
                assertThatThrownBy(chain::cutBlock).isInstanceOf(StorageException.class);
            } else {
                assertThat(s.rejection().reason()).isEqualTo(org.energychain.ledger.exec.Rejection.Reason.UNAVAILABLE);
            }
            assertThat(chain.store().height()).as("no block recorded the read error").isEqualTo(1);
            assertThat(chain.health().isOk()).isFalse();
            assertThat(chain.health().reason()).contains("checksum mismatch");

            // the file is restored in place: the chain goes on, and the result is the contract's own
            Files.write(sst, original);
            chain.probe();
            assertThat(chain.health().isOk()).isTrue();
            if (!s.accepted()) {
                assertThat(chain.submit(net.tx("reg", net.regulator, 0, "careful-read", "k1")).accepted()).isTrue();
            }
            Block b = chain.cutBlock().orElseThrow();
            assertThat(b.results()).singleElement().satisfies(r -> assertThat(r.isOk()).isTrue());
            assertThat(new ChainVerifier(net.contracts).verify(chain.store()).ok()).isTrue();
        }
    }

    private static Path pathOf(LiveFileMetaData m) {
        String name = m.fileName().startsWith("/") ? m.fileName().substring(1) : m.fileName();
        return Path.of(m.path()).resolve(name);
    }
}
