package org.energychain.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.energychain.crypto.CryptoSuite;
import org.energychain.crypto.CryptoSuites;
import org.energychain.crypto.sign.KeyPair;
import org.energychain.ledger.Chain;
import org.energychain.ledger.block.Block;
import org.energychain.ledger.contract.ContractRegistry;
import org.energychain.ledger.exec.ExecutedBlock;
import org.energychain.ledger.genesis.ChainLimits;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.genesis.Member;
import org.energychain.ledger.genesis.NodeInfo;
import org.energychain.ledger.genesis.Validator;
import org.energychain.ledger.store.rocks.RocksChainStores;
import org.energychain.ledger.tx.Transaction;
import org.energychain.trading.TradingRoles;
import org.energychain.trading.catalog.CatalogContract;

/**
 * What one node spends, in CPU time of the whole process per transaction, on each stage a replicated
 * block goes through, for the trading chain's catalogue publications on RocksDB: admission at the
 * leader (signature included), execution of the proposal, the block's encoding for the log, decoding
 * and re-validation at a follower that did not admit the transactions (signatures verified on all
 * cores, re-execution), and import on both. Process CPU time, not wall time, so that other load on
 * the machine does not change the figures; it tells where a transaction's cost goes before profiling.
 *
 * <p>Usage: {@code ChainStageCost [transactions] [block size] [dir]}.
 */
public final class ChainStageCost {
    private ChainStageCost() {
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 40_000;
        int blockSize = args.length > 1 ? Integer.parseInt(args[1]) : 4000;
        Path dir = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("stage-cost");
        CryptoSuite suite = CryptoSuites.SHA256_ED25519;
        SecureRandom rnd = new SecureRandom();
        int senders = 64;
        List<KeyPair> keys = new ArrayList<>();
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < senders; i++) {
            keys.add(suite.signatures().generateKeyPair(rnd));
            members.add(new Member("S" + i, Set.of(TradingRoles.GROUP), keys.get(i).publicKey()));
        }
        KeyPair node = suite.signatures().generateKeyPair(rnd);
        Genesis g = new Genesis("trading", suite.name(), false, Instant.parse("2026-01-01T00:00:00Z"), members,
                List.of(NodeInfo.solo("v1", "S0", node.publicKey())), List.of(new Validator("v1", 1)),
                List.of(CatalogContract.NAME), new ChainLimits(blockSize, 64 << 20, 16 << 10, 1_000_000,
                        Duration.ofMillis(100)));
        ContractRegistry contracts = new ContractRegistry().register(new CatalogContract());
        List<Transaction> txs = NetworkLoad.publications(n, senders, suite, keys);
        List<byte[]> wire = txs.stream().map(Transaction::encode).toList();
        Clock clock = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), java.time.ZoneOffset.UTC);
        long[] cost = new long[7];
        String[] stage = {"decode from the wire", "admission (signature, nonce, role)", "propose (execute)",
            "block encode", "block decode", "validate at a follower (signatures, re-execution)", "import (both)"};
        try (RocksChainStores a = RocksChainStores.open(dir.resolve("leader"));
                RocksChainStores b = RocksChainStores.open(dir.resolve("follower"))) {
            Chain leader = new Chain(g, a.forChain(g), contracts, "v1", node.privateKey(), clock);
            Chain follower = new Chain(g, b.forChain(g), contracts, "v1", node.privateKey(), clock);
            for (int from = 0; from < n; from += blockSize) {
                int to = Math.min(n, from + blockSize);
                long t0 = cpu();
                List<Transaction> decoded = new ArrayList<>(to - from);
                for (int i = from; i < to; i++) {
                    decoded.add(Transaction.decode(wire.get(i)));
                }
                long t1 = cpu();
                for (Transaction tx : decoded) {
                    if (!leader.submit(tx).accepted()) {
                        throw new IllegalStateException("refused");
                    }
                }
                long t2 = cpu();
                ExecutedBlock proposed = leader.propose().orElseThrow();
                long t3 = cpu();
                byte[] bytes = proposed.block().encode();
                long t4 = cpu();
                Block received = Block.decode(bytes, 32);
                long t5 = cpu();
                ExecutedBlock checked = follower.validate(received);
                long t6 = cpu();
                leader.importBlock(proposed);
                follower.importBlock(checked);
                long t7 = cpu();
                if (from > 0) { // the first block warms up
                    long[] d = {t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5, t7 - t6};
                    for (int k = 0; k < d.length; k++) {
                        cost[k] += d[k];
                    }
                }
            }
            int measured = n - blockSize;
            long total = 0;
            System.out.printf("%,d catalogue publications in blocks of %,d, %d cores; process CPU per transaction:%n",
                    measured, blockSize, Runtime.getRuntime().availableProcessors());
            for (int k = 0; k < cost.length; k++) {
                total += cost[k];
                System.out.printf("  %-52s %7.1f µs%n", stage[k], cost[k] / 1e3 / measured);
            }
            System.out.printf("  %-52s %7.1f µs%n", "all", total / 1e3 / measured);
        }
    }
}
