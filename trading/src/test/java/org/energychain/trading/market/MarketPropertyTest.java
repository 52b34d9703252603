package org.energychain.trading.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.energychain.ledger.exec.Receipt;
import org.energychain.ledger.exec.Submission;
import org.energychain.ledger.tx.ResultCode;
import org.energychain.trading.catalog.Listing;
import org.energychain.trading.catalog.ListingRecord;

/**
 * Random sequences of market actions by random members (the right party or not), with honest and
 * cheating sellers, forged proofs and time jumps across every deadline. After every block: the books
 * balance ({@code sum(balances) + escrow == supply}), no balance is negative, escrow is exactly the open
 * trades' prices, a closed trade never reopens, and every balance equals what a model that pays each
 * closed trade's price to its one payee, once, predicts.
 */
class MarketPropertyTest {
    /** kind: 0 deposit, 1 withdraw, 2 purchase, 3 deliver, 4 confirm, 5 reveal, 6 accept, 7 dispute, 8 settle, 9 wait. */
    record Action(int kind, int actor, int target, long amount, int variant, boolean rightParty) {
    }

    @Provide
    Arbitrary<List<Action>> actions() {
        Arbitrary<Integer> kinds = Arbitraries.frequency(Tuple.of(1, 0), Tuple.of(1, 1), Tuple.of(3, 2), Tuple.of(4, 3),
                Tuple.of(4, 4), Tuple.of(4, 5), Tuple.of(2, 6), Tuple.of(3, 7), Tuple.of(2, 8), Tuple.of(3, 9));
        Arbitrary<Action> a = Combinators.combine(kinds,
                Arbitraries.integers().between(0, MarketNet.ALL.size() - 1), Arbitraries.integers().between(0, 7),
                Arbitraries.longs().between(0, 1500), Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 2).map(i -> i > 0)).as(Action::new);
        return a.list().ofMinSize(30).ofMaxSize(80);
    }

    static final List<String> BUYERS = List.of(MarketNet.B1, MarketNet.B2, MarketNet.GRID, MarketNet.S2);

    /** What a seller sent: the package and the key (the seller's secret until reveal). */
    record Sent(DeliveryPackage p, byte[] key) {
    }

    @Property(tries = 100)
    void booksBalanceAndEveryTradesMoneyGoesToExactlyOneParty(@ForAll("actions") List<Action> actions) throws Exception {
        try (MarketNet net = new MarketNet()) {
            new Run(net).play(actions);
        }
    }

    private static final class Run {
        final MarketNet net;
        final List<Listing> listings = new ArrayList<>();
        final List<byte[]> datasets = new ArrayList<>();
        final List<String> trades = new ArrayList<>();
        final Map<String, Sent> sent = new HashMap<>();
        final Map<String, TradeState> last = new HashMap<>();
        final Map<String, Long> expected = new HashMap<>();
        final Random random = new Random(5);
        int refs;
        boolean cut;

        Run(MarketNet net) {
            this.net = net;
            String[] sellers = {MarketNet.S1, MarketNet.S2, MarketNet.S1};
            int[] sizes = {10_000, 4096, 5000};
            long[] prices = {200, 50, 0};
            for (int i = 0; i < 3; i++) {
                byte[] d = MarketNet.dataset(sizes[i], i);
                Listing l = net.listing("D1/p" + i, d, prices[i]);
                net.list(MarketNet.record(sellers[i], 1, ListingRecord.Status.ACTIVE, l));
                listings.add(l);
                datasets.add(d);
            }
            for (String buyer : BUYERS) {
                net.submit(MarketNet.PLAT, MarketContract.DEPOSIT, new DepositArgs(buyer, 1000, "seed-" + buyer).encode());
                add(buyer, 1000);
            }
        }

        void play(List<Action> actions) throws Exception {
            for (Action a : actions) {
                cut = false;
                step(a);
                if (cut) {
                    checkBooks();
                }
            }
            // finally every deadline passes and anyone settles: every trade ends paid to exactly one party
            net.clock.advance(Duration.ofDays(400));
            for (String id : trades) {
                if (net.trade(id).status().open()) {
                    assertThat(ok(submit(MarketNet.REG, MarketContract.SETTLE, new TradeRef(id).encode()))).isTrue();
                    checkBooks();
                }
            }
            assertThat(net.totals().escrow()).isZero();
            assertThat(net.totals().openTrades()).isZero();
        }

        private void step(Action a) throws Exception {
            // mostly one of the three latest trades, so that trades get far enough to be accepted or disputed
            String trade = trades.isEmpty() ? null : a.target() < 6
                    ? trades.get(trades.size() - 1 - a.target() % Math.min(3, trades.size()))
                    : trades.get(a.amount() == 0 ? 0 : (int) (a.amount() % trades.size()));
            String who = MarketNet.ALL.get(a.actor());
            if (a.rightParty() && a.kind() == 2) {
                who = BUYERS.get(a.actor() % BUYERS.size());
            } else if (a.rightParty() && trade != null) {
                // two times in three the party the step belongs to acts, on a trade that awaits the step
                TradeStatus needed = switch (a.kind()) {
                    case 3 -> TradeStatus.PURCHASED;
                    case 4 -> TradeStatus.DELIVERED;
                    case 5 -> TradeStatus.RECEIVED;
                    case 6, 7 -> TradeStatus.REVEALED;
                    default -> null;
                };
                for (int i = trades.size() - 1; needed != null && i >= 0; i--) {
                    if (last.get(trades.get(i)) != null && last.get(trades.get(i)).status() == needed) {
                        trade = trades.get(i);
                        break;
                    }
                }
                for (int i = trades.size() - 1; a.kind() == 8 && i >= 0; i--) {
                    TradeState o = last.get(trades.get(i));
                    if (o != null && o.status().open() && !o.deadline().isAfter(net.clock.instant())) {
                        trade = trades.get(i);
                        break;
                    }
                }
                TradeState t = net.trade(trade);
                who = switch (a.kind()) {
                    case 3, 5 -> t.seller();
                    case 4, 6, 7 -> t.buyer();
                    default -> who;
                };
            }
            switch (a.kind()) {
                case 0 -> {
                    long amount = a.amount() + 1;
                    if (ok(submit(MarketNet.PLAT, MarketContract.DEPOSIT, new DepositArgs(who, amount, "ref-" + refs++)
                            .encode()))) {
                        add(who, amount);
                    }
                }
                case 1 -> {
                    long amount = a.amount() + 1;
                    if (ok(submit(who, MarketContract.WITHDRAW, new WithdrawArgs(amount, "out-" + refs++).encode()))) {
                        add(who, -amount);
                    }
                }
                case 2 -> {
                    Listing l = listings.get(a.target() % listings.size());
                    long max = a.rightParty() ? l.price() : a.amount();
                    Receipt r = submit(who, MarketContract.PURCHASE, new PurchaseArgs(l.id(), 1, max).encode());
                    if (ok(r)) {
                        String id = MarketEvents.TradeEvent.decode(r.result().events().get(0).data()).tradeId();
                        trades.add(id);
                        add(who, -l.price());
                    }
                }
                case 3 -> {
                    if (trade != null) {
                        deliver(who, trade, a.variant());
                    }
                }
                case 4 -> {
                    if (trade != null) {
                        TradeState t = net.trade(trade);
                        Sent s = sent.get(trade);
                        boolean checks = s != null && passes(t, s.p());
                        // an honest buyer confirms only a delivery that passes its check; variant 3 confirms anyway
                        if (!who.equals(t.buyer()) || checks || a.variant() == 3) {
                            submit(who, MarketContract.CONFIRM_RECEIPT, new TradeRef(trade).encode());
                        }
                    }
                }
                case 5 -> {
                    if (trade != null) {
                        Sent s = sent.get(trade);
                        byte[] key = s != null && a.variant() != 1 ? s.key() : DeliveryPackage.newKey(
                                new java.security.SecureRandom());
                        submit(who, MarketContract.REVEAL_KEY, new RevealArgs(trade, key).encode());
                    }
                }
                case 6 -> {
                    if (trade != null) {
                        submit(who, MarketContract.ACCEPT, new TradeRef(trade).encode());
                    }
                }
                case 7 -> {
                    if (trade != null) {
                        submit(who, MarketContract.DISPUTE, proof(trade, a.variant()).encode());
                    }
                }
                case 8 -> {
                    if (trade != null) {
                        submit(who, MarketContract.SETTLE, new TradeRef(trade).encode());
                    }
                }
                default -> net.clock.advance(switch (a.variant()) {
                    case 0 -> Duration.ofSeconds(a.amount());
                    case 1 -> Duration.ofMinutes(a.amount());
                    case 2 -> Duration.ofMinutes(3 * a.amount());
                    default -> Duration.ofMinutes(5 * a.amount());
                });
            }
        }

        private void deliver(String who, String trade, int variant) {
            TradeState t = net.trade(trade);
            byte[] data = datasets.get(Integer.parseInt(t.listingId().substring(4)));
            byte[] key = new byte[32];
            random.nextBytes(key);
            DeliveryPackage honest = DeliveryPackage.seal(net.hash, trade, data, key);
            DeliveryPackage p = switch (variant) {
                case 1 -> { // other data under the right leaves: caught by dispute
                    byte[] other = data.clone();
                    other[random.nextInt(other.length)] ^= 1;
                    yield new DeliveryPackage(honest.hash(), trade, honest.keyCommitment(),
                            DeliveryPackage.seal(net.hash, trade, other, key).ciphertexts(), honest.claimedLeaves());
                }
                case 2 -> { // consistent package of other data: caught before receipt
                    byte[] other = data.clone();
                    other[0] ^= 1;
                    yield DeliveryPackage.seal(net.hash, trade, other, key);
                }
                default -> honest;
            };
            String to = variant == 3 ? MarketNet.B2 : t.buyer();
            if (ok(submit(who, MarketContract.DELIVER, p.deliverArgs(to).encode()))) {
                sent.put(trade, new Sent(p, key));
            }
        }

        private DisputeProof proof(String trade, int variant) throws Exception {
            TradeState t = net.trade(trade);
            Sent s = sent.get(trade);
            if (s == null) {
                byte[] junk = new byte[100];
                random.nextBytes(junk);
                return new DisputeProof(trade, 0, junk, new byte[32], List.of());
            }
            int index = random.nextInt(s.p().chunkCount());
            DisputeProof honest = s.p().disputeProof(index);
            if (variant == 0 && t.key() != null && passes(t, s.p())) {
                DeliveryCheck.Opened o = DeliveryCheck.open(t, s.p());
                return o.ok() ? honest : o.dispute();
            }
            if (variant == 1 && !honest.path().isEmpty()) {
                List<byte[]> path = new ArrayList<>(honest.path());
                path.set(0, new byte[32]);
                return new DisputeProof(trade, index, honest.ciphertext(), honest.claimedLeaf(), path);
            }
            if (variant == 2) {
                byte[] ct = honest.ciphertext();
                ct[0] ^= 1;
                return new DisputeProof(trade, index, ct, honest.claimedLeaf(), honest.path());
            }
            return honest;
        }

        private static boolean passes(TradeState t, DeliveryPackage p) {
            try {
                DeliveryCheck.beforeReceipt(t, p);
                return true;
            } catch (BadDeliveryException e) {
                return false;
            }
        }

        private void add(String who, long delta) {
            expected.merge(who, delta, Long::sum);
        }

        private static boolean ok(Receipt r) {
            return r != null && r.result().isOk();
        }

        /** Submits and cuts a block; null if admission refused it (e.g. a role that may not call the method). */
        private Receipt submit(String sender, String method, byte[] args) {
            Submission s = net.offer(sender, method, args);
            if (!s.accepted()) {
                return null;
            }
            Receipt r = net.commit(s, method);
            // a refusal is a business code, never a contract fault
            assertThat(r.result().code()).as(r.result().message()).isNotEqualTo(ResultCode.CONTRACT_FAULT);
            cut = true;
            return r;
        }

        private void checkBooks() {
            MarketTotals totals = net.totals();
            long sum = 0;
            for (String m : MarketNet.ALL) {
                long b = net.balance(m);
                assertThat(b).as("balance of " + m).isNotNegative();
                sum += b;
            }
            assertThat(sum + totals.escrow()).as("sum(balances) + escrow == supply").isEqualTo(totals.supply());
            long escrow = 0;
            long open = 0;
            for (String id : trades) {
                TradeState t = net.trade(id);
                TradeState before = last.put(id, t);
                if (t.status().open()) {
                    assertThat(t.escrow()).isEqualTo(t.price());
                    escrow += t.price();
                    open++;
                } else {
                    assertThat(t.escrow()).isZero();
                    assertThat(t.payee()).isIn(t.buyer(), t.seller());
                    if (before == null || before.status().open()) {
                        add(t.payee(), t.price()); // paid once, to one party
                        Statistics.label("close reasons").collect(t.closeReason());
                    } else {
                        assertThat(t).as("a closed trade never changes").isEqualTo(before);
                    }
                }
            }
            assertThat(totals.escrow()).isEqualTo(escrow);
            assertThat(totals.openTrades()).isEqualTo(open);
            for (String m : MarketNet.ALL) {
                assertThat(net.balance(m)).as("balance of " + m + " against the model").isEqualTo(
                        expected.getOrDefault(m, 0L));
            }
        }
    }
}
