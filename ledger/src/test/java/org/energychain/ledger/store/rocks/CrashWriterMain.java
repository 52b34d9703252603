package org.energychain.ledger.store.rocks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.energychain.crypto.CryptoSuite;
import org.energychain.crypto.CryptoSuites;
import org.energychain.crypto.Hex;
import org.energychain.crypto.sign.KeyPair;
import org.energychain.ledger.Chain;
import org.energychain.ledger.TestNetwork;
import org.energychain.ledger.block.Block;
import org.energychain.ledger.contract.ContractRegistry;
import org.energychain.ledger.exec.Nonces;
import org.energychain.ledger.exec.Submission;
import org.energychain.ledger.genesis.ChainLimits;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.genesis.Member;
import org.energychain.ledger.genesis.Validator;
import org.energychain.ledger.store.ChainStore;
import org.energychain.ledger.tx.Transaction;
import org.slf4j.LoggerFactory;

/**
 * Run in a separate JVM by {@link RocksCrashTest}: commits blocks of kv puts to the chain database in
 * {@code args[0]} until it is killed, printing {@code TX <height> <id>} for every transaction and then
 * {@code BLOCK <height>} after {@code append} has returned, i.e. only what the store acknowledged.
 * Stops by itself after {@code args[1]} blocks so that a lost parent never leaves it running forever.
 */
public final class CrashWriterMain {
    private CrashWriterMain() {
    }

    public static void main(String[] args) {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        long maxBlocks = Long.parseLong(args[1]);
        // the same keys in every run, so a restarted writer continues the chain it wrote before
        CryptoSuite suite = CryptoSuites.SHA256_ED25519;
        KeyPair group;
        KeyPair regulator;
        try {
            SecureRandom rnd = SecureRandom.getInstance("SHA1PRNG");
            rnd.setSeed(42);
            group = suite.signatures().generateKeyPair(rnd);
            regulator = suite.signatures().generateKeyPair(rnd);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Genesis genesis = new Genesis("test-chain", suite.name(), true, TestNetwork.T0,
                List.of(new Member("g1", Set.of("writer"), group.publicKey()),
                        new Member("reg", Set.of("reader"), regulator.publicKey())),
                List.of(TestNetwork.soloNode("n1", "g1", group)), List.of(new Validator("n1", 10)), List.of("kv"),
                new ChainLimits(50, 1 << 20, 4096, 10_000, Duration.ofMillis(50)));
        ContractRegistry contracts = new ContractRegistry().register(new TestNetwork.KvContract());
        try (RocksChainStores stores = RocksChainStores.open(Path.of(args[0]))) {
            ChainStore store = stores.forChain(genesis);
            Chain chain = new Chain(genesis, store, contracts, "n1", group.privateKey(), Clock.systemUTC());
            long nonce = Nonces.next(store, "g1");
            System.out.println("READY");
            System.out.flush();
            for (long b = 0; b < maxBlocks; b++) {
                List<Submission> subs = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    subs.add(chain.submit(Transaction.sign("test-chain", "g1", nonce, "kv", "put",
                            ("k" + (nonce % 500) + "=v" + nonce).getBytes(StandardCharsets.UTF_8), suite.signatures(),
                            group.privateKey())));
                    nonce++;
                }
                Block block = chain.cutBlock().orElseThrow();
                StringBuilder out = new StringBuilder();
                for (Submission s : subs) {
                    if (!s.accepted()) {
                        throw new IllegalStateException(s.rejection().message());
                    }
                }
                for (int i = 0; i < block.transactions().size(); i++) {
                    out.append("TX ").append(block.height()).append(' ')
                            .append(Hex.encode(block.transactions().get(i).id(suite.hash()))).append('\n');
                }
                out.append("BLOCK ").append(block.height()).append('\n');
                System.out.print(out);
                System.out.flush();
            }
        }
    }
}
