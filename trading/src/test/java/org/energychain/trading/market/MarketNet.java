package org.energychain.trading.market;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.energychain.crypto.CryptoSuite;
import org.energychain.crypto.CryptoSuites;
import org.energychain.crypto.HashFunction;
import org.energychain.crypto.merkle.ContentRoot;
import org.energychain.ledger.Chain;
import org.energychain.ledger.contract.Contract;
import org.energychain.ledger.contract.ContractException;
import org.energychain.ledger.contract.MethodSpec;
import org.energychain.ledger.contract.QueryContext;
import org.energychain.ledger.contract.TxContext;
import org.energychain.ledger.exec.Receipt;
import org.energychain.ledger.exec.Submission;
import org.energychain.ledger.testkit.ContractChain;
import org.energychain.ledger.testkit.ManualClock;
import org.energychain.ledger.tx.Transaction;
import org.energychain.trading.TradingRoles;
import org.energychain.trading.catalog.Listing;
import org.energychain.trading.catalog.ListingRecord;

/**
 * The market's chain on the ledger's test kit: the platform {@code plat} (PLATFORM, the validator),
 * sellers {@code s1} (PLANT) and {@code s2} (GROUP, who may also buy), buyers {@code b1}, {@code b2}
 * (BUYER), the grid {@code grid} (GRID) and the regulator {@code reg}. It runs the market and a test-only
 * {@code catalog} that stores the {@link ListingRecord}s it is given, standing in for the real catalogue.
 * One block per submission; block time is a {@link ManualClock} the tests move.
 */
final class MarketNet implements AutoCloseable {
    static final Instant T0 = ContractChain.T0;
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
    final ManualClock clock = ManualClock.at(T0.plusSeconds(1));
    final Chain chain;
    private final ContractChain net;

    MarketNet() {
        net = ContractChain.builder().suite(suite).seed(9).member(PLAT, TradingRoles.PLATFORM).member(S1, "plant")
                .member(S2, TradingRoles.GROUP).member(B1, TradingRoles.BUYER).member(B2, TradingRoles.BUYER)
                .member(GRID, TradingRoles.GRID).member(REG, "regulator").contract(new MarketContract())
                .contract(new TestCatalog()).clock(clock).build("trading");
        chain = net.chain;
    }

    Transaction sign(String sender, String contract, String method, byte[] args) {
        return net.sign(sender, contract, method, args);
    }

    /** Offers a signed transaction; the nonce advances only when the chain admits it. */
    Submission offer(Transaction tx) {
        return net.offer(tx);
    }

    Submission offer(String sender, String method, byte[] args) {
        return net.offer(sender, MarketContract.NAME, method, args);
    }

    /** Cuts a block and returns the committed receipt (whatever its result code). */
    Receipt commit(Submission s, String what) {
        return net.commit(s, what);
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
        return net.query(B1, method, args);
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
        net.close();
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

    /** Stands in for the real catalogue: stores the given record at {@link ListingRecord#key}. */
    static final class TestCatalog implements Contract {
        static final String PUT = "put";

        @Override
        public String name() {
            return MarketContract.CATALOG;
        }

        @Override
        public Map<String, MethodSpec> methods() {
            return Map.of(PUT, MethodSpec.submit(TradingRoles.PLATFORM));
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
