package org.energychain.trading.catalog;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.energychain.crypto.CryptoSuite;
import org.energychain.crypto.CryptoSuites;
import org.energychain.crypto.sign.KeyPair;
import org.energychain.ledger.Chain;
import org.energychain.ledger.contract.ContractException;
import org.energychain.ledger.contract.ContractRegistry;
import org.energychain.ledger.exec.Receipt;
import org.energychain.ledger.exec.Submission;
import org.energychain.ledger.genesis.ChainLimits;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.genesis.Member;
import org.energychain.ledger.genesis.NodeInfo;
import org.energychain.ledger.genesis.Role;
import org.energychain.ledger.genesis.Validator;
import org.energychain.ledger.store.InMemoryChainStore;
import org.energychain.ledger.tx.Transaction;

/**
 * A trading chain in memory for tests: groups {@code G1} (the validator) and {@code G2}, a buyer
 * {@code B1} and the platform {@code P1}, running the catalogue. Blocks are cut by hand; block time
 * advances one second per block.
 */
public final class TradingNet implements AutoCloseable {
    public static final String CHAIN = "trading";
    public static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");

    public final CryptoSuite suite = CryptoSuites.SHA256_ED25519;
    public final Map<String, KeyPair> keys = new LinkedHashMap<>();
    public final Map<String, Member> members = new LinkedHashMap<>();
    public final Chain chain;
    private final Map<String, Long> nonces = new HashMap<>();

    public TradingNet() {
        SecureRandom rnd = new SecureRandom(new byte[] {3});
        add("G1", Role.GROUP, rnd);
        add("G2", Role.GROUP, rnd);
        add("B1", Role.BUYER, rnd);
        add("P1", Role.PLATFORM, rnd);
        Genesis g = new Genesis(CHAIN, suite.name(), true, T0, List.copyOf(members.values()),
                List.of(NodeInfo.solo("G1-node", "G1", members.get("G1").key())), List.of(new Validator("G1-node", 10)), List.of(CatalogContract.NAME),
                new ChainLimits(100, 1 << 20, 64 << 10, 1000, Duration.ofMillis(50)));
        chain = new Chain(g, new InMemoryChainStore(g), new ContractRegistry().register(new CatalogContract()), "G1-node",
                keys.get("G1").privateKey(), new StepClock());
    }

    private void add(String id, Role role, SecureRandom rnd) {
        KeyPair k = suite.signatures().generateKeyPair(rnd);
        keys.put(id, k);
        members.put(id, new Member(id, EnumSet.of(role), k.publicKey()));
    }

    /** Signs and offers a transaction; the nonce advances only when the chain admits it. */
    public Submission offer(String sender, String method, byte[] args) {
        long nonce = nonces.getOrDefault(sender, 0L);
        Submission s = chain.submit(Transaction.sign(CHAIN, sender, nonce, CatalogContract.NAME, method, args,
                suite.signatures(), keys.get(sender).privateKey()));
        if (s.accepted()) {
            nonces.put(sender, nonce + 1);
        }
        return s;
    }

    /** Offers, cuts a block and returns the committed receipt, whatever its result code. */
    public Receipt submit(String sender, String method, byte[] args) {
        Submission s = offer(sender, method, args);
        if (!s.accepted()) {
            throw new AssertionError("not admitted: " + s.rejection());
        }
        chain.cutBlock();
        try {
            return s.receipt().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("no receipt for " + method, e);
        }
    }

    public byte[] query(String caller, String method, byte[] args) throws ContractException {
        return chain.query(CatalogContract.NAME, method, args, members.get(caller));
    }

    @Override
    public void close() {
        chain.close();
    }

    /** Advances one second on every reading. */
    static final class StepClock extends Clock {
        private long seconds;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public synchronized Instant instant() {
            return T0.plusSeconds(++seconds);
        }
    }
}
