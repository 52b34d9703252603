package org.energychain.trading.market;

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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.energychain.crypto.CryptoSuite;
import org.energychain.crypto.CryptoSuites;
import org.energychain.crypto.HashFunction;
import org.energychain.crypto.merkle.ContentRoot;
import org.energychain.crypto.sign.KeyPair;
import org.energychain.ledger.Chain;
import org.energychain.ledger.contract.Contract;
import org.energychain.ledger.contract.ContractException;
import org.energychain.ledger.contract.ContractRegistry;
import org.energychain.ledger.contract.MethodSpec;
import org.energychain.ledger.contract.QueryContext;
import org.energychain.ledger.contract.TxContext;
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
import org.energychain.trading.catalog.Listing;
import org.energychain.trading.catalog.ListingRecord;

/**
 * A trading chain in memory for the market tests: the platform {@code plat} (PLATFORM, the validator),
 * sellers {@code s1} (PLANT) and {@code s2} (GROUP, who may also buy), buyers {@code b1}, {@code b2}
 * (BUYER), the grid {@code grid} (GRID) and the regulator {@code reg}. It runs the market and a test-only
 * {@code catalog} that stores the {@link ListingRecord}s it is given, standing in for the real catalogue.
 * One block per submission; block time is a hand-moved clock.
 */
final class MarketNet implements AutoCloseable {
    static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
    static final String PLAT = "plat";
    static final String S1 = "s1";
    static final String S2 = "s2";
    static final String B1 = "b1";
    static final String B2 = "b2";
    static final String GRID = "grid";
    static final String REG = "reg";
    static final List<String> ALL = List.of(PLAT, S1, S2, B1, B2, GRID, REG);

    final CryptoSuite suite = CryptoSuites.SHA256_ED25519;
    final HashFunction hash = suite.hash();
    final Map<String, KeyPair> keys = new LinkedHashMap<>();
    final Map<String, Member> members = new LinkedHashMap<>();
    final ManualClock clock = new ManualClock();
    final Chain chain;
    private final Map<String, Long> nonces = new HashMap<>();

    MarketNet() {
        SecureRandom rnd = new SecureRandom(new byte[] {9});
        add(PLAT, Role.PLATFORM, rnd);
        add(S1, Role.PLANT, rnd);
        add(S2, Role.GROUP, rnd);
        add(B1, Role.BUYER, rnd);
        add(B2, Role.BUYER, rnd);
        add(GRID, Role.GRID, rnd);
        add(REG, Role.REGULATOR, rnd);
        ContractRegistry contracts = new ContractRegistry().register(new MarketContract()).register(new TestCatalog());
        Genesis g = new Genesis("trading", suite.name(), true, T0, List.copyOf(members.values()),
                List.of(NodeInfo.solo(PLAT + "-node", PLAT, keys.get(PLAT).publicKey())), List.of(new Validator(PLAT + "-node", 10)), List.of(MarketContract.NAME, MarketContract.CATALOG),
                new ChainLimits(100, 1 << 20, 64 << 10, 1000, Duration.ofMillis(50)));
        chain = new Chain(g, new InMemoryChainStore(g), contracts, PLAT + "-node", keys.get(PLAT).privateKey(), clock);
    }

    private void add(String id, Role role, SecureRandom rnd) {
        KeyPair k = suite.signatures().generateKeyPair(rnd);
        keys.put(id, k);
        members.put(id, new Member(id, EnumSet.of(role), k.publicKey()));
    }

    Transaction sign(String sender, String contract, String method, byte[] args) {
        long nonce = nonces.getOrDefault(sender, 0L);
        return Transaction.sign(chain.id(), sender, nonce, contract, method, args, suite.signatures(),
                keys.get(sender).privateKey());
    }

    /** Offers a signed transaction; the nonce advances only when the chain admits it. */
    Submission offer(Transaction tx) {
        Submission s = chain.submit(tx);
        if (s.accepted()) {
            nonces.put(tx.sender(), tx.nonce() + 1);
        }
        return s;
    }

    Submission offer(String sender, String method, byte[] args) {
        return offer(sign(sender, MarketContract.NAME, method, args));
    }

    /** Offers, cuts a block and returns the committed receipt (whatever its result code). */
    Receipt commit(Submission s, String what) {
        if (!s.accepted()) {
            throw new AssertionError("not admitted: " + what + ": " + s.rejection());
        }
        chain.cutBlock();
        try {
            return s.receipt().get(5, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("no receipt for " + what, e);
        }
    }

    Receipt submit(String sender, String method, byte[] args) {
        return commit(offer(sender, method, args), method);
    }

    /** Puts a listing record into the test catalogue. */
    void list(ListingRecord r) {
        Receipt rc = commit(offer(sign(PLAT, MarketContract.CATALOG, TestCatalog.PUT, r.encode())), "catalog put");
        if (!rc.result().isOk()) {
            throw new AssertionError(rc.result().message());
        }
    }

    byte[] query(String method, byte[] args) throws ContractException {
        return chain.query(MarketContract.NAME, method, args, members.get(B1));
    }

    long balance(String account) {
        try {
            return AccountBalance.decode(query(MarketContract.BALANCE, AccountBalance.of(account).encode())).balance();
        } catch (ContractException e) {
            throw new AssertionError(e);
        }
    }

    MarketTotals totals() {
        try {
            return MarketTotals.decode(query(MarketContract.SUPPLY, new byte[0]));
        } catch (ContractException e) {
            throw new AssertionError(e);
        }
    }

    TradeState trade(String id) {
        try {
            return TradeState.decode(query(MarketContract.TRADE, new TradeRef(id).encode()));
        } catch (ContractException e) {
            throw new AssertionError(e);
        }
    }

    TradePage trades(TradesQuery q) {
        try {
            return TradePage.decode(query(MarketContract.TRADES, q.encode()));
        } catch (ContractException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        chain.close();
    }

    // ---- fixtures ----

    /** A deterministic pseudo-random dataset of {@code size} bytes. */
    static byte[] dataset(int size, long seed) {
        byte[] b = new byte[size];
        new java.util.Random(seed).nextBytes(b);
        return b;
    }

    Listing listing(String id, byte[] data, long price) {
        return new Listing(id, hash.name(), ContentRoot.root(hash, data), data.length, "electricity", "hourly-power",
                "east", "G1", "G1-W001", "mean", "active power", "kW", Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-02-01T00:00:00Z"), price, "research use only", "https://s1.example/d1");
    }

    static ListingRecord record(String seller, int version, ListingRecord.Status status, Listing l) {
        return new ListingRecord(seller, version, status, "00".repeat(32), 1, l);
    }

    /** Block time, moved only by the tests. */
    static final class ManualClock extends Clock {
        private Instant now = T0.plusSeconds(1);

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
            return now;
        }

        synchronized void advance(Duration d) {
            now = now.plus(d);
        }
    }

    /** Stands in for the real catalogue: stores the given record at {@link ListingRecord#key}. */
    static final class TestCatalog implements Contract {
        static final String PUT = "put";

        @Override
        public String name() {
            return MarketContract.CATALOG;
        }

        @Override
        public Map<String, MethodSpec> methods() {
            return Map.of(PUT, MethodSpec.submit(Role.PLATFORM));
        }

        @Override
        public void submit(TxContext ctx, String method, byte[] args) {
            ListingRecord r = ListingRecord.decode(args);
            ctx.put(ListingRecord.key(r.listing().id()), r.encode());
        }

        @Override
        public byte[] query(QueryContext ctx, String method, byte[] args) throws ContractException {
            throw new ContractException("no queries");
        }
    }
}
