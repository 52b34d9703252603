package org.energychain.trading.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.energychain.trading.market.MarketNet.B1;
import static org.energychain.trading.market.MarketNet.B2;
import static org.energychain.trading.market.MarketNet.GRID;
import static org.energychain.trading.market.MarketNet.PLAT;
import static org.energychain.trading.market.MarketNet.REG;
import static org.energychain.trading.market.MarketNet.S1;
import static org.energychain.trading.market.MarketNet.S2;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.energychain.crypto.encoding.CanonicalWriter;
import org.energychain.crypto.merkle.ContentRoot;
import org.energychain.ledger.exec.Receipt;
import org.energychain.ledger.exec.Rejection;
import org.energychain.ledger.exec.Submission;
import org.energychain.ledger.tx.Event;
import org.energychain.ledger.tx.Transaction;
import org.energychain.trading.catalog.Listing;
import org.energychain.trading.catalog.ListingRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MarketContractTest {
    static final String L1 = "D1/hourly-power/G1-W001/active_power/2026-01-01/2026-02-01";
    static final long PRICE = 300;

    private final MarketNet net = new MarketNet();
    private final SecureRandom random = new SecureRandom(new byte[] {3});
    /** 10 000 bytes: three chunks, the last one short. */
    private final byte[] data = MarketNet.dataset(10_000, 1);
    private Listing listing;

    @BeforeEach
    void setUp() {
        listing = net.listing(L1, data, PRICE);
        net.list(MarketNet.record(S1, 1, ListingRecord.Status.ACTIVE, listing));
        ok(net.submit(PLAT, MarketContract.DEPOSIT, new DepositArgs(B1, 1000, "bank/tx/1").encode()));
    }

    @AfterEach
    void close() {
        net.close();
    }

    private static Receipt ok(Receipt r) {
        assertThat(r.result().isOk()).as(r.result().message()).isTrue();
        return r;
    }

    private static void refused(Receipt r, int code, String... naming) {
        assertThat(r.result().code()).as(r.result().message()).isEqualTo(code);
        assertThat(r.result().events()).isEmpty();
        for (String s : naming) {
            assertThat(r.result().message()).contains(s);
        }
    }

    private static List<String> events(Receipt r) {
        return r.result().events().stream().map(Event::type).toList();
    }

    private String buy(String buyer) {
        Receipt r = ok(net.submit(buyer, MarketContract.PURCHASE, new PurchaseArgs(L1, 1, PRICE).encode()));
        assertThat(events(r)).containsExactly(MarketEvents.PURCHASED);
        String id = MarketEvents.TradeEvent.decode(r.result().events().get(0).data()).tradeId();
        assertThat(id).isEqualTo(FairExchange.tradeId(net.hash, r.txId()));
        return id;
    }

    private void assertBooksBalance() {
        MarketTotals t = net.totals();
        long sum = MarketNet.ALL.stream().mapToLong(net::balance).sum();
        assertThat(sum + t.escrow()).isEqualTo(t.supply());
    }

    /** Buys, delivers {@code p}'s commitments, confirms receipt and reveals the key. */
    private TradeState upToReveal(String id, DeliveryPackage p, byte[] key) throws BadDeliveryException {
        ok(net.submit(S1, MarketContract.DELIVER, p.deliverArgs(B1).encode()));
        DeliveryCheck.beforeReceipt(net.trade(id), p);
        ok(net.submit(B1, MarketContract.CONFIRM_RECEIPT, new TradeRef(id).encode()));
        ok(net.submit(S1, MarketContract.REVEAL_KEY, new RevealArgs(id, key).encode()));
        return net.trade(id);
    }

    @Test
    void happyPathPaysTheSellerAndDeliversTheDataset() throws Exception {
        String id = buy(B1);
        assertThat(net.balance(B1)).isEqualTo(700);
        assertThat(net.totals()).isEqualTo(new MarketTotals(1000, PRICE, 1));

        // seller: seal and commit
        byte[] key = DeliveryPackage.newKey(random);
        DeliveryPackage p = DeliveryPackage.seal(net.hash, id, data, key);
        DeliveryPackage received = DeliveryPackage.decode(p.encode()); // what travels off chain
        Receipt d = ok(net.submit(S1, MarketContract.DELIVER, p.deliverArgs(B1).encode()));
        assertThat(events(d)).containsExactly(MarketEvents.DELIVERED);

        // buyer: check before confirming
        DeliveryCheck.beforeReceipt(net.trade(id), received);
        assertThat(events(ok(net.submit(B1, MarketContract.CONFIRM_RECEIPT, new TradeRef(id).encode()))))
                .containsExactly(MarketEvents.RECEIVED);
        assertThat(events(ok(net.submit(S1, MarketContract.REVEAL_KEY, new RevealArgs(id, key).encode()))))
                .containsExactly(MarketEvents.KEY_REVEALED);

        DeliveryCheck.Opened opened = DeliveryCheck.open(net.trade(id), received);
        assertThat(opened.ok()).isTrue();
        assertThat(opened.dataset()).isEqualTo(data);
        assertThat(ContentRoot.root(net.hash, opened.dataset())).isEqualTo(listing.contentRoot());

        Receipt a = ok(net.submit(B1, MarketContract.ACCEPT, new TradeRef(id).encode()));
        assertThat(events(a)).containsExactly(MarketEvents.ACCEPTED, MarketEvents.RELEASED);
        assertThat(MarketEvents.TradeEvent.decode(a.result().events().get(1).data()))
                .isEqualTo(new MarketEvents.TradeEvent(id, L1, S1, B1, PRICE, TradeStatus.RELEASED));
        assertThat(net.balance(B1)).isEqualTo(700);
        assertThat(net.balance(S1)).isEqualTo(PRICE);
        assertThat(net.totals()).isEqualTo(new MarketTotals(1000, 0, 0));

        TradeState t = net.trade(id);
        assertThat(t.status()).isEqualTo(TradeStatus.RELEASED);
        assertThat(t.closeReason()).isEqualTo(CloseReason.ACCEPTED);
        assertThat(t.payee()).isEqualTo(S1);
        assertThat(t.escrow()).isZero();
        assertThat(t.purchased().sender()).isEqualTo(B1);
        assertThat(t.delivered().sender()).isEqualTo(S1);
        assertThat(t.delivered().txId()).isEqualTo(d.txId());
        assertThat(t.delivered().height()).isEqualTo(d.height());
        assertThat(t.received().sender()).isEqualTo(B1);
        assertThat(t.revealed().sender()).isEqualTo(S1);
        assertThat(t.closed().txId()).isEqualTo(a.txId());
        assertThat(t.cipherRoot()).isEqualTo(p.cipherRoot());
        assertThat(t.keyCommitment()).isEqualTo(FairExchange.keyCommitment(net.hash, id, key));
        assertThat(t.key()).isEqualTo(key);
        assertThat(t.contentRoot()).isEqualTo(listing.contentRoot());
        assertThat(t.chunkCount()).isEqualTo(3);
        assertThat(t.terms()).isEqualTo(MarketConfig.DEFAULT);
        assertThat(TradeState.decode(t.encode())).isEqualTo(t);

        // the history is queryable by buyer, seller and listing
        for (TradesQuery q : List.of(TradesQuery.first(TradesQuery.By.BUYER, B1),
                TradesQuery.first(TradesQuery.By.SELLER, S1), TradesQuery.first(TradesQuery.By.LISTING, L1))) {
            TradePage page = net.trades(q);
            assertThat(page.total()).isEqualTo(1);
            assertThat(page.trades()).containsExactly(t);
        }
        assertThat(net.trades(TradesQuery.first(TradesQuery.By.BUYER, B2)).total()).isZero();

        // the seller takes the money out
        Receipt w = ok(net.submit(S1, MarketContract.WITHDRAW, new WithdrawArgs(PRICE, "payout-1").encode()));
        assertThat(MarketEvents.AccountEvent.decode(w.result().events().get(0).data()))
                .isEqualTo(new MarketEvents.AccountEvent(S1, PRICE, "payout-1", 0));
        assertThat(net.totals()).isEqualTo(new MarketTotals(700, 0, 0));
        assertBooksBalance();
    }

    @Test
    void anSm3ListingIsSealedCommittedAndDisputedWithSm3() throws Exception {
        org.energychain.crypto.HashFunction sm3 = org.energychain.crypto.HashFunctions.SM3;
        byte[] d = MarketNet.dataset(4097, 4);
        Listing l = new Listing("D1/sm3", "SM3", ContentRoot.root(sm3, d), d.length, "electricity", "hourly-power",
                "east", "G1", "G1-W001", "mean", "active power", "kW", listing.from(), listing.to(), 100, "", "");
        net.list(MarketNet.record(S2, 1, ListingRecord.Status.ACTIVE, l));
        Receipt r = ok(net.submit(B1, MarketContract.PURCHASE, new PurchaseArgs("D1/sm3", 1, 100).encode()));
        String id = MarketEvents.TradeEvent.decode(r.result().events().get(0).data()).tradeId();
        assertThat(id).isEqualTo(FairExchange.tradeId(sm3, r.txId()));
        byte[] key = DeliveryPackage.newKey(random);
        DeliveryPackage honest = DeliveryPackage.seal(sm3, id, d, key);
        byte[] other = d.clone();
        other[4096] ^= 1;
        DeliveryPackage bad = new DeliveryPackage("SM3", id, honest.keyCommitment(),
                DeliveryPackage.seal(sm3, id, other, key).ciphertexts(), honest.claimedLeaves());
        ok(net.submit(S2, MarketContract.DELIVER, bad.deliverArgs(B1).encode()));
        DeliveryCheck.beforeReceipt(net.trade(id), bad);
        ok(net.submit(B1, MarketContract.CONFIRM_RECEIPT, new TradeRef(id).encode()));
        ok(net.submit(S2, MarketContract.REVEAL_KEY, new RevealArgs(id, key).encode()));
        DeliveryCheck.Opened o = DeliveryCheck.open(net.trade(id), bad);
        assertThat(o.dispute().chunkIndex()).isEqualTo(1);
        ok(net.submit(B1, MarketContract.DISPUTE, o.dispute().encode()));
        assertThat(net.trade(id).status()).isEqualTo(TradeStatus.REFUNDED);
        assertThat(net.balance(B1)).isEqualTo(1000);
    }

    @Test
    void sellerWhoEncryptedOtherDataUnderTheRightLeavesIsCaughtByADispute() throws Exception {
        String id = buy(B1);
        byte[] key = DeliveryPackage.newKey(random);
        byte[] other = data.clone();
        other[5000] ^= 1; // chunk 1 differs
        DeliveryPackage honestLeaves = DeliveryPackage.seal(net.hash, id, data, key);
        DeliveryPackage bad = new DeliveryPackage(net.hash.name(), id, honestLeaves.keyCommitment(),
                DeliveryPackage.seal(net.hash, id, other, key).ciphertexts(), honestLeaves.claimedLeaves());
        TradeState t = upToReveal(id, bad, key); // passes the pre-receipt check: the claimed leaves are right

        DeliveryCheck.Opened opened = DeliveryCheck.open(t, bad);
        assertThat(opened.ok()).isFalse();
        DisputeProof proof = opened.dispute();
        assertThat(proof.chunkIndex()).isEqualTo(1);

        // forged proofs are refused and change nothing: a good chunk, a tampered path, a wrong index
        refused(net.submit(B1, MarketContract.DISPUTE, bad.disputeProof(0).encode()), MarketCodes.FORGED_PROOF,
                "decrypts to its claimed leaf");
        List<byte[]> path = new ArrayList<>(proof.path());
        path.set(0, new byte[32]);
        refused(net.submit(B1, MarketContract.DISPUTE, new DisputeProof(id, 1, proof.ciphertext(), proof.claimedLeaf(),
                path).encode()), MarketCodes.FORGED_PROOF, "inclusion");
        byte[] forgedClaim = proof.claimedLeaf();
        forgedClaim[0] ^= 1;
        refused(net.submit(B1, MarketContract.DISPUTE, new DisputeProof(id, 1, proof.ciphertext(), forgedClaim,
                proof.path()).encode()), MarketCodes.FORGED_PROOF, "inclusion");
        refused(net.submit(B1, MarketContract.DISPUTE, new DisputeProof(id, 7, proof.ciphertext(), proof.claimedLeaf(),
                proof.path()).encode()), MarketCodes.FORGED_PROOF, "does not exist");
        // only the buyer disputes
        refused(net.submit(B2, MarketContract.DISPUTE, proof.encode()), MarketCodes.WRONG_PARTY, "b2", "buyer");
        assertThat(net.trade(id).status()).isEqualTo(TradeStatus.REVEALED);

        Receipt r = ok(net.submit(B1, MarketContract.DISPUTE, proof.encode()));
        assertThat(events(r)).containsExactly(MarketEvents.DISPUTED, MarketEvents.REFUNDED);
        TradeState closed = net.trade(id);
        assertThat(closed.status()).isEqualTo(TradeStatus.REFUNDED);
        assertThat(closed.closeReason()).isEqualTo(CloseReason.DISPUTE_UPHELD);
        assertThat(closed.disputedChunk()).isEqualTo(1);
        assertThat(net.balance(B1)).isEqualTo(1000);
        assertThat(net.balance(S1)).isZero();
        // no second payment either way
        refused(net.submit(B1, MarketContract.ACCEPT, new TradeRef(id).encode()), MarketCodes.WRONG_STATE, "REFUNDED");
        refused(net.submit(B1, MarketContract.DISPUTE, proof.encode()), MarketCodes.WRONG_STATE);
        refused(net.submit(S1, MarketContract.SETTLE, new TradeRef(id).encode()), MarketCodes.WRONG_STATE, "already");
        assertBooksBalance();
    }

    @Test
    void sellerWhoClaimsWrongLeavesIsCaughtBeforeReceiptAndTheBuyerIsRefundedAtTheDeadline() throws Exception {
        String id = buy(B1);
        byte[] key = DeliveryPackage.newKey(random);
        byte[] other = MarketNet.dataset(10_000, 2);
        DeliveryPackage wrong = DeliveryPackage.seal(net.hash, id, other, key); // consistent, but not D1
        ok(net.submit(S1, MarketContract.DELIVER, wrong.deliverArgs(B1).encode()));
        assertThatThrownBy(() -> DeliveryCheck.beforeReceipt(net.trade(id), wrong))
                .isInstanceOf(BadDeliveryException.class).hasMessageContaining("content root");

        // the buyer does not confirm; the seller cannot reveal without receipt
        refused(net.submit(S1, MarketContract.REVEAL_KEY, new RevealArgs(id, key).encode()), MarketCodes.WRONG_STATE,
                "DELIVERED", "RECEIVED");
        refused(net.submit(GRID, MarketContract.SETTLE, new TradeRef(id).encode()), MarketCodes.DEADLINE_NOT_YET);
        net.clock.advance(Duration.ofHours(24));
        refused(net.submit(B1, MarketContract.CONFIRM_RECEIPT, new TradeRef(id).encode()), MarketCodes.DEADLINE_PASSED);
        Receipt r = ok(net.submit(GRID, MarketContract.SETTLE, new TradeRef(id).encode()));
        assertThat(events(r)).containsExactly(MarketEvents.REFUNDED);
        TradeState t = net.trade(id);
        assertThat(t.closeReason()).isEqualTo(CloseReason.RECEIPT_MISSED);
        assertThat(t.key()).isNull(); // nothing leaked
        assertThat(net.balance(B1)).isEqualTo(1000);
        assertBooksBalance();
    }

    @Test
    void missedDeliveryRefundsTheBuyer() {
        String id = buy(B1);
        net.clock.advance(Duration.ofHours(24).minusSeconds(1));
        refused(net.submit(B2, MarketContract.SETTLE, new TradeRef(id).encode()), MarketCodes.DEADLINE_NOT_YET,
                "has not passed");
        net.clock.advance(Duration.ofSeconds(1));
        DeliveryPackage p = DeliveryPackage.seal(net.hash, id, data, DeliveryPackage.newKey(random));
        refused(net.submit(S1, MarketContract.DELIVER, p.deliverArgs(B1).encode()), MarketCodes.DEADLINE_PASSED,
                "only settle");
        Receipt r = ok(net.submit(B2, MarketContract.SETTLE, new TradeRef(id).encode()));
        assertThat(events(r)).containsExactly(MarketEvents.REFUNDED);
        assertThat(net.trade(id).closeReason()).isEqualTo(CloseReason.DELIVERY_MISSED);
        assertThat(net.trade(id).closed().sender()).isEqualTo(B2);
        assertThat(net.balance(B1)).isEqualTo(1000);
        // the buyer may buy again once the trade is closed
        buy(B1);
        assertBooksBalance();
    }

    @Test
    void missedRevealRefundsTheBuyer() throws Exception {
        String id = buy(B1);
        byte[] key = DeliveryPackage.newKey(random);
        DeliveryPackage p = DeliveryPackage.seal(net.hash, id, data, key);
        ok(net.submit(S1, MarketContract.DELIVER, p.deliverArgs(B1).encode()));
        ok(net.submit(B1, MarketContract.CONFIRM_RECEIPT, new TradeRef(id).encode()));
        net.clock.advance(Duration.ofHours(25));
        refused(net.submit(S1, MarketContract.REVEAL_KEY, new RevealArgs(id, key).encode()),
                MarketCodes.DEADLINE_PASSED);
        ok(net.submit(B1, MarketContract.SETTLE, new TradeRef(id).encode()));
        assertThat(net.trade(id).closeReason()).isEqualTo(CloseReason.REVEAL_MISSED);
        assertThat(net.balance(B1)).isEqualTo(1000);
        assertThat(net.balance(S1)).isZero();
    }

    @Test
    void disputeWindowOverReleasesToTheSeller() throws Exception {
        String id = buy(B1);
        byte[] key = DeliveryPackage.newKey(random);
        upToReveal(id, DeliveryPackage.seal(net.hash, id, data, key), key);
        net.clock.advance(Duration.ofHours(72).minusSeconds(1));
        refused(net.submit(S1, MarketContract.SETTLE, new TradeRef(id).encode()), MarketCodes.DEADLINE_NOT_YET);
        net.clock.advance(Duration.ofSeconds(1));
        DisputeProof late = DeliveryPackage.seal(net.hash, id, data, key).disputeProof(0);
        refused(net.submit(B1, MarketContract.DISPUTE, late.encode()), MarketCodes.DEADLINE_PASSED);
        Receipt r = ok(net.submit(S1, MarketContract.SETTLE, new TradeRef(id).encode()));
        assertThat(events(r)).containsExactly(MarketEvents.RELEASED);
        assertThat(net.trade(id).closeReason()).isEqualTo(CloseReason.DISPUTE_WINDOW_OVER);
        assertThat(net.balance(S1)).isEqualTo(PRICE);
        assertThat(net.balance(B1)).isEqualTo(700);
        refused(net.submit(S1, MarketContract.SETTLE, new TradeRef(id).encode()), MarketCodes.WRONG_STATE);
        assertThat(net.balance(S1)).isEqualTo(PRICE);
    }

    @Test
    void purchaseRejections() {
        // unknown, withdrawn, changed, too dear, own listing, double purchase, no money
        refused(net.submit(B1, MarketContract.PURCHASE, new PurchaseArgs("D1/none", 1, 1000).encode()),
                MarketCodes.NOT_FOUND, "D1/none");
        refused(net.submit(B1, MarketContract.PURCHASE, new PurchaseArgs(L1, 2, 1000).encode()),
                MarketCodes.LISTING_CHANGED, "version 1", "version 2");
        refused(net.submit(B1, MarketContract.PURCHASE, new PurchaseArgs(L1, 1, PRICE - 1).encode()),
                MarketCodes.PRICE_ABOVE_MAX, "299");
        ok(net.submit(PLAT, MarketContract.DEPOSIT, new DepositArgs(S2, 1000, "bank/tx/2").encode()));
        net.list(MarketNet.record(S2, 1, ListingRecord.Status.ACTIVE, net.listing("D1/s2", data, 10)));
        refused(net.submit(S2, MarketContract.PURCHASE, new PurchaseArgs("D1/s2", 1, 10).encode()),
                MarketCodes.OWN_LISTING, "s2");
        refused(net.submit(B2, MarketContract.PURCHASE, new PurchaseArgs(L1, 1, PRICE).encode()),
                MarketCodes.INSUFFICIENT_FUNDS, "holds 0");
        String first = buy(B1);
        refused(net.submit(B1, MarketContract.PURCHASE, new PurchaseArgs(L1, 1, PRICE).encode()),
                MarketCodes.DUPLICATE, first);
        // a group may buy someone else's listing; the grid too
        ok(net.submit(S2, MarketContract.PURCHASE, new PurchaseArgs(L1, 1, PRICE).encode()));
        net.list(MarketNet.record(S1, 2, ListingRecord.Status.WITHDRAWN, listing));
        ok(net.submit(PLAT, MarketContract.DEPOSIT, new DepositArgs(GRID, 1000, "bank/tx/3").encode()));
        refused(net.submit(GRID, MarketContract.PURCHASE, new PurchaseArgs(L1, 2, PRICE).encode()),
                MarketCodes.LISTING_WITHDRAWN, "withdrawn");
        ok(net.submit(B1, MarketContract.PURCHASE, new PurchaseArgs("D1/s2", 1, 10).encode()));
        assertThat(net.balance(B1)).isEqualTo(1000 - PRICE - 10);
        assertThat(net.balance(GRID)).isEqualTo(1000);
        // the withdrawn listing's open trade goes on: the seller can still deliver
        assertThat(net.trade(first).status()).isEqualTo(TradeStatus.PURCHASED);
        assertBooksBalance();
    }

    @Test
    void onlyTheTradesPartiesTakeItsStepsAndEachStepOnlyOnce() throws Exception {
        String id = buy(B1);
        byte[] key = DeliveryPackage.newKey(random);
        DeliveryPackage p = DeliveryPackage.seal(net.hash, id, data, key);
        // steps out of order
        refused(net.submit(B1, MarketContract.CONFIRM_RECEIPT, new TradeRef(id).encode()), MarketCodes.WRONG_STATE,
                "PURCHASED");
        refused(net.submit(S1, MarketContract.REVEAL_KEY, new RevealArgs(id, key).encode()), MarketCodes.WRONG_STATE);
        refused(net.submit(B1, MarketContract.ACCEPT, new TradeRef(id).encode()), MarketCodes.WRONG_STATE);
        // delivery by someone else than the seller, to the wrong buyer, with the wrong chunk count
        refused(net.submit(S2, MarketContract.DELIVER, p.deliverArgs(B1).encode()), MarketCodes.WRONG_PARTY,
                "s2", "seller");
        refused(net.submit(S1, MarketContract.DELIVER, p.deliverArgs(B2).encode()), MarketCodes.WRONG_BUYER,
                "addressed to b2", "is b1");
        DeliveryPackage shortOne = DeliveryPackage.seal(net.hash, id, java.util.Arrays.copyOf(data, 5000), key);
        refused(net.submit(S1, MarketContract.DELIVER, shortOne.deliverArgs(B1).encode()),
                MarketCodes.WRONG_CHUNK_COUNT, "2 chunks", "has 3");
        // a package sealed for another trade (another buyer's) does not pass the buyer's check
        DeliveryPackage otherTrade = DeliveryPackage.seal(net.hash, "ab".repeat(32), data, key);
        ok(net.submit(S1, MarketContract.DELIVER, p.deliverArgs(B1).encode()));
        assertThatThrownBy(() -> DeliveryCheck.beforeReceipt(net.trade(id), otherTrade))
                .isInstanceOf(BadDeliveryException.class).hasMessageContaining("for trade");
        // replay of a step: delivering again
        refused(net.submit(S1, MarketContract.DELIVER, shortOne.deliverArgs(B1).encode()), MarketCodes.WRONG_STATE,
                "DELIVERED");
        assertThat(net.trade(id).cipherRoot()).isEqualTo(p.cipherRoot());
        refused(net.submit(S2, MarketContract.CONFIRM_RECEIPT, new TradeRef(id).encode()), MarketCodes.WRONG_PARTY);
        refused(net.submit(B2, MarketContract.CONFIRM_RECEIPT, new TradeRef(id).encode()), MarketCodes.WRONG_PARTY,
                "b2", "buyer");
        ok(net.submit(B1, MarketContract.CONFIRM_RECEIPT, new TradeRef(id).encode()));
        refused(net.submit(B1, MarketContract.CONFIRM_RECEIPT, new TradeRef(id).encode()), MarketCodes.WRONG_STATE);
        // a key that is not the committed one
        byte[] otherKey = DeliveryPackage.newKey(random);
        refused(net.submit(S1, MarketContract.REVEAL_KEY, new RevealArgs(id, otherKey).encode()),
                MarketCodes.KEY_MISMATCH, "commitment");
        refused(net.submit(B1, MarketContract.REVEAL_KEY, new RevealArgs(id, key).encode()), MarketCodes.WRONG_PARTY);
        ok(net.submit(S1, MarketContract.REVEAL_KEY, new RevealArgs(id, key).encode()));
        refused(net.submit(S1, MarketContract.REVEAL_KEY, new RevealArgs(id, key).encode()), MarketCodes.WRONG_STATE);
        refused(net.submit(B2, MarketContract.ACCEPT, new TradeRef(id).encode()), MarketCodes.WRONG_PARTY);
        ok(net.submit(B1, MarketContract.ACCEPT, new TradeRef(id).encode()));
        // paying twice
        refused(net.submit(B1, MarketContract.ACCEPT, new TradeRef(id).encode()), MarketCodes.WRONG_STATE, "RELEASED");
        assertThat(net.balance(S1)).isEqualTo(PRICE);
        // unknown trade
        refused(net.submit(B1, MarketContract.ACCEPT, new TradeRef("cd".repeat(32)).encode()), MarketCodes.NOT_FOUND);
        assertBooksBalance();
    }

    @Test
    void aReplayedSignedTransactionIsRefusedByTheChain() {
        Transaction purchase = net.sign(B1, MarketContract.NAME, MarketContract.PURCHASE,
                new PurchaseArgs(L1, 1, PRICE).encode());
        ok(net.commit(net.offer(purchase), "purchase"));
        Submission again = net.chain.submit(purchase);
        assertThat(again.accepted()).isFalse();
        assertThat(again.rejection().reason()).isEqualTo(Rejection.Reason.REPLAYED);
        assertThat(net.balance(B1)).isEqualTo(1000 - PRICE);
    }

    @Test
    void moneyRejections() {
        refused(net.submit(PLAT, MarketContract.DEPOSIT, new DepositArgs(B1, 1000, "bank/tx/1").encode()),
                MarketCodes.DUPLICATE, "bank/tx/1");
        refused(net.submit(PLAT, MarketContract.DEPOSIT, new DepositArgs(B2, Long.MAX_VALUE, "bank/tx/9").encode()),
                MarketCodes.OVERFLOW);
        refused(net.submit(B1, MarketContract.WITHDRAW, new WithdrawArgs(1001, "p1").encode()),
                MarketCodes.INSUFFICIENT_FUNDS, "holds 1000");
        ok(net.submit(B1, MarketContract.WITHDRAW, new WithdrawArgs(100, "p1").encode()));
        refused(net.submit(B1, MarketContract.WITHDRAW, new WithdrawArgs(100, "p1").encode()), MarketCodes.DUPLICATE,
                "p1");
        assertThat(net.totals()).isEqualTo(new MarketTotals(900, 0, 0));
        // only the platform mints
        for (String who : List.of(B1, S1, REG)) {
            Submission s = net.offer(who, MarketContract.DEPOSIT, new DepositArgs(who, 5, "x" + who).encode());
            assertThat(s.rejection().reason()).isEqualTo(Rejection.Reason.UNAUTHORISED);
        }
        // a regulator or a plant does not buy
        for (String who : List.of(REG, S1)) {
            Submission s = net.offer(who, MarketContract.PURCHASE, new PurchaseArgs(L1, 1, PRICE).encode());
            assertThat(s.rejection().reason()).isEqualTo(Rejection.Reason.UNAUTHORISED);
        }
        assertBooksBalance();
    }

    @Test
    void malformedArgumentsAreRefusedNamingTheField() {
        refused(net.submit(B1, MarketContract.PURCHASE, new byte[] {1, 2}), MarketCodes.MALFORMED, "purchase");
        refused(net.submit(B1, MarketContract.PURCHASE, new CanonicalWriter().tag(PurchaseArgs.TAG).string(L1).i32(0)
                .i64(5).toByteArray()), MarketCodes.MALFORMED, "listingVersion");
        byte[] good = new PurchaseArgs(L1, 1, PRICE).encode();
        refused(net.submit(B1, MarketContract.PURCHASE, java.util.Arrays.copyOf(good, good.length + 1)),
                MarketCodes.MALFORMED, "trailing");
        refused(net.submit(PLAT, MarketContract.DEPOSIT, new CanonicalWriter().tag(DepositArgs.TAG).string(B1).i64(-5)
                .string("r").toByteArray()), MarketCodes.MALFORMED, "amount");
        refused(net.submit(S1, MarketContract.DELIVER, new CanonicalWriter().tag(DeliverArgs.TAG).string("XYZ")
                .string(B1).fixed(new byte[32]).i32(3).fixed(new byte[32]).toByteArray()), MarketCodes.MALFORMED,
                "tradeId 'XYZ'");
        refused(net.submit(B1, MarketContract.DISPUTE, new CanonicalWriter().tag(DisputeProof.TAG).string("ab".repeat(32))
                .i32(0).bytes(new byte[5000]).fixed(new byte[32]).i32(0).toByteArray()), MarketCodes.MALFORMED,
                "ciphertext must be 1..4096 bytes, got 5000");
        refused(net.submit(PLAT, MarketContract.CONFIGURE, new CanonicalWriter().tag(MarketConfig.TAG).i64(0).i64(1)
                .i64(1).i64(1).toByteArray()), MarketCodes.MALFORMED, "deliver");
        assertThatThrownBy(() -> net.query(MarketContract.TRADE, new TradeRef("ef".repeat(32)).encode()))
                .isInstanceOf(org.energychain.ledger.contract.ContractException.class).hasMessageContaining("no trade");
        assertThatThrownBy(() -> net.query(MarketContract.TRADES, new byte[0]))
                .isInstanceOf(org.energychain.ledger.contract.ContractException.class).hasMessageContaining("malformed");
    }

    @Test
    void configuredDurationsApplyToNewTradesOnly() throws Exception {
        String before = buy(B1);
        MarketConfig quick = new MarketConfig(Duration.ofMinutes(5), Duration.ofMinutes(6), Duration.ofMinutes(7),
                Duration.ofMinutes(8));
        Receipt c = ok(net.submit(PLAT, MarketContract.CONFIGURE, quick.encode()));
        assertThat(events(c)).containsExactly(MarketEvents.CONFIGURED);
        assertThat(MarketConfig.decode(net.query(MarketContract.CONFIG, new byte[0]))).isEqualTo(quick);
        ok(net.submit(PLAT, MarketContract.DEPOSIT, new DepositArgs(B2, 1000, "bank/tx/2").encode()));
        String after = buy(B2);
        assertThat(net.trade(before).terms()).isEqualTo(MarketConfig.DEFAULT);
        assertThat(net.trade(after).terms()).isEqualTo(quick);
        assertThat(net.trade(after).deadline()).isEqualTo(net.trade(after).purchased().time().plusSeconds(300));
        net.clock.advance(Duration.ofMinutes(5));
        ok(net.submit(B2, MarketContract.SETTLE, new TradeRef(after).encode()));
        refused(net.submit(B1, MarketContract.SETTLE, new TradeRef(before).encode()), MarketCodes.DEADLINE_NOT_YET);
        assertThat(net.balance(B2)).isEqualTo(1000);
    }

    @Test
    void tradesArePagedInPurchaseOrder() {
        ok(net.submit(PLAT, MarketContract.DEPOSIT, new DepositArgs(B1, 10_000, "bank/tx/2").encode()));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String lid = "D1/x" + i;
            net.list(MarketNet.record(i % 2 == 0 ? S1 : S2, 1, ListingRecord.Status.ACTIVE, net.listing(lid, data, i)));
            ids.add(ok(net.submit(B1, MarketContract.PURCHASE, new PurchaseArgs(lid, 1, i).encode())).result().events()
                    .stream().map(e -> MarketEvents.TradeEvent.decode(e.data()).tradeId()).findFirst().orElseThrow());
        }
        TradePage page = net.trades(new TradesQuery(TradesQuery.By.BUYER, B1, 1, 2));
        assertThat(page.total()).isEqualTo(5);
        assertThat(page.trades()).extracting(TradeState::tradeId).containsExactly(ids.get(1), ids.get(2));
        assertThat(page.hasMore()).isTrue();
        assertThat(net.trades(TradesQuery.first(TradesQuery.By.SELLER, S2)).trades()).extracting(TradeState::tradeId)
                .containsExactly(ids.get(1), ids.get(3));
        assertThat(net.trades(new TradesQuery(TradesQuery.By.BUYER, B1, 9, 5)).trades()).isEmpty();
        assertThat(net.totals().openTrades()).isEqualTo(5);
    }
}
