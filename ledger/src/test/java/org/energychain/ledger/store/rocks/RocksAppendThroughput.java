package org.energychain.ledger.store.rocks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.energychain.crypto.CryptoSuites;
import org.energychain.ledger.TestNetwork;
import org.energychain.ledger.exec.ExecutedBlock;
import org.energychain.ledger.store.ChainStore;
import org.energychain.ledger.store.InMemoryChainStore;
import org.energychain.ledger.tx.Transaction;

/**
 * How fast the RocksDB store appends blocks, alone: blocks of kv transactions are signed and executed
 * first (on an in-memory store), then only {@code append} (encode, index, one synced batch) is timed.
 * Not a test: {@code java -cp <test classpath> ...RocksAppendThroughput [blocks] [txs per block] [dir]}.
 */
public final class RocksAppendThroughput {
    private RocksAppendThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int blocks = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int txsPerBlock = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        Path dir = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("rocks-throughput");
        System.out.println(run(blocks, txsPerBlock, dir));
    }

    /** Returns a one-line summary; deletes nothing it did not create below {@code dir}. */
    static String run(int blocks, int txsPerBlock, Path dir) throws Exception {
        TestNetwork net = new TestNetwork(CryptoSuites.SHA256_ED25519, txsPerBlock);
        InMemoryChainStore builder = new InMemoryChainStore(net.genesis);
        List<ExecutedBlock> built = new ArrayList<>(blocks);
        long nonce = 0;
        for (int b = 0; b < blocks; b++) {
            List<Transaction> txs = new ArrayList<>(txsPerBlock);
            for (int i = 0; i < txsPerBlock; i++) {
                txs.add(net.tx("g1", net.group, nonce, "put", "meter-" + (nonce % 20_000) + "=" + "reading-" + nonce));
                nonce++;
            }
            ExecutedBlock e = Blocks.next(net, builder, txs);
            builder.append(e.block(), e.writes());
            built.add(e);
        }
        Path db = dir.resolve("throughput-db");
        long elapsed;
        try (RocksChainStores stores = RocksChainStores.open(db)) {
            ChainStore store = stores.forChain(net.genesis);
            long t0 = System.nanoTime();
            for (ExecutedBlock e : built) {
                store.append(e.block(), e.writes());
            }
            elapsed = System.nanoTime() - t0;
        }
        try (Stream<Path> files = Files.walk(db)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        double secs = elapsed / 1e9;
        return String.format(java.util.Locale.ROOT,
                "%d blocks x %d txs appended in %.3f s: %.1f blocks/s, %.0f txs/s (%.2f ms per block, synced)",
                blocks, txsPerBlock, secs, blocks / secs, blocks * (double) txsPerBlock / secs, secs * 1000 / blocks);
    }
}
