package org.energychain.dispatch.negotiation;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.energychain.ledger.genesis.Validator;
import org.energychain.ledger.store.InMemoryChainStore;
import org.energychain.ledger.tx.Transaction;

/**
 * A dispatch chain in memory running only {@code dispatch-negotiation}: the grid {@code grid} (GRID), a
 * load {@code load} (LOAD), the group {@code g1} (GROUP, the validator), plants {@code p1..p5} (PLANT)
 * and the regulator {@code reg}. One block per submission.
 */
final class NegoNet implements AutoCloseable {
    static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
    final CryptoSuite suite = CryptoSuites.SHA256_ED25519;
    final Map<String, KeyPair> keys = new LinkedHashMap<>();
    final Map<String, Member> members = new LinkedHashMap<>();
    final Chain chain;
    private final Map<String, Long> nonces = new HashMap<>();
    /** The chain's clock: block times; tests move it past deadlines. */
    final MutableClock clock = new MutableClock(T0.plusSeconds(60));

    /** A clock tests can move. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    NegoNet() {
        SecureRandom rnd = new SecureRandom(new byte[] {5});
        add("grid", DispatchRoles.GRID, rnd);
        add("load", DispatchRoles.LOAD, rnd);
        add("g1", DispatchRoles.GROUP, rnd);
        for (int i = 1; i <= 5; i++) {
            add("p" + i, DispatchRoles.PLANT, rnd);
        }
        add("reg", "regulator", rnd);
        Genesis g = new Genesis("dispatch", suite.name(), true, T0, List.copyOf(members.values()),
                List.of(NodeInfo.solo("g1-node", "g1", keys.get("g1").publicKey())), List.of(new Validator("g1-node", 10)), List.of(NegotiationContract.NAME),
                new ChainLimits(100, 1 << 20, 64 << 10, 1000, Duration.ofMillis(50)));
        chain = new Chain(g, new InMemoryChainStore(g), new ContractRegistry().register(new NegotiationContract()),
                "g1-node", keys.get("g1").privateKey(), clock);
    }

    private void add(String id, String role, SecureRandom rnd) {
        KeyPair k = suite.signatures().generateKeyPair(rnd);
        keys.put(id, k);
        members.put(id, new Member(id, Set.of(role), k.publicKey()));
    }

    Submission offer(String sender, String method, byte[] args) {
        long nonce = nonces.getOrDefault(sender, 0L);
        Submission s = chain.submit(Transaction.sign(chain.id(), sender, nonce, NegotiationContract.NAME, method, args,
                suite.signatures(), keys.get(sender).privateKey()));
        if (s.accepted()) {
            nonces.put(sender, nonce + 1);
        }
        return s;
    }

    Receipt submit(String sender, String method, byte[] args) {
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

    Receipt post(String sender, PostDemandArgs a) {
        return submit(sender, NegotiationContract.POST_DEMAND, a.encode());
    }

    Receipt propose(String sender, String demand, int round, List<PlanRow> plan) {
        int n = plan.isEmpty() ? 0 : plan.get(0).kw().size();
        List<Long> prices = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            prices.add(50_000L);
        }
        return submit(sender, NegotiationContract.PROPOSE, new ProposeArgs(demand, round, plan, prices).encode());
    }

    Receipt vote(String sender, String demand, int round, boolean accept) {
        return submit(sender, NegotiationContract.VOTE, new VoteArgs(demand, round, accept).encode());
    }

    Receipt policy(String sender, SourcePolicy p) {
        return submit(sender, NegotiationContract.PUBLISH_POLICY, p.encode());
    }

    Receipt social(String source, long ppm) {
        return submit("grid", NegotiationContract.SET_SOCIAL, new SocialArgs(source, ppm).encode());
    }

    Receipt configure(NegotiationConfig c) {
        return submit("grid", NegotiationContract.CONFIGURE, c.encode());
    }

    Receipt closeRound(String sender, String demand, int round) {
        return submit(sender, NegotiationContract.CLOSE_ROUND, new DemandRef(demand, round).encode());
    }

    /**
     * Weights decided by governance alone: the configuration counts only S, and each source's S is set, so
     * the weights are exactly {@code ppm} (they must sum to 1,000,000). Every source publishes a wide policy.
     */
    void socialWeights(Map<String, Long> ppm) {
        expectOk(configure(new NegotiationConfig(new org.energychain.dispatch.weight.WeightCoefficients(0, 0, 1_000_000,
                0, 500_000), 86_400_000L, 900_000L, 0, 0)));
        ppm.forEach((id, v) -> {
            expectOk(policy(id, new SourcePolicy(org.energychain.dispatch.weight.Technology.WIND_ONSHORE, 0, 1_000_000, 0,
                    40_000, 0)));
            expectOk(social(id, v));
        });
    }

    static void expectOk(Receipt r) {
        if (!r.result().isOk()) {
            throw new AssertionError(r.result().code() + ": " + r.result().message());
        }
    }

    DemandState state(String demand) throws ContractException {
        return DemandState.decode(chain.query(NegotiationContract.NAME, NegotiationContract.DEMAND,
                DemandRef.of(demand).encode(), members.get("reg")));
    }

    List<String> open() throws ContractException {
        return OpenDemands.decode(chain.query(NegotiationContract.NAME, NegotiationContract.OPEN_DEMANDS, new byte[0],
                members.get("grid"))).demandIds();
    }

    @Override
    public void close() {
        chain.close();
    }
}
