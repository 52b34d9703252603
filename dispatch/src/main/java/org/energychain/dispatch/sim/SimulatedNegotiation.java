package org.energychain.dispatch.sim;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.energychain.crypto.CryptoSuite;
import org.energychain.crypto.CryptoSuites;
import org.energychain.crypto.sign.KeyPair;
import org.energychain.dispatch.negotiation.AcceptancePolicy;
import org.energychain.dispatch.negotiation.DemandRecord;
import org.energychain.dispatch.negotiation.DemandRef;
import org.energychain.dispatch.negotiation.DemandState;
import org.energychain.dispatch.negotiation.MeritOrderPlanner;
import org.energychain.dispatch.negotiation.NegotiationConfig;
import org.energychain.dispatch.negotiation.NegotiationContract;
import org.energychain.dispatch.negotiation.PlanMetrics;
import org.energychain.dispatch.negotiation.PostDemandArgs;
import org.energychain.dispatch.negotiation.ProposeArgs;
import org.energychain.dispatch.negotiation.RejectReason;
import org.energychain.dispatch.negotiation.Round;
import org.energychain.dispatch.negotiation.SocialArgs;
import org.energychain.dispatch.negotiation.SourcePolicy;
import org.energychain.dispatch.negotiation.Vote;
import org.energychain.dispatch.negotiation.VoteArgs;
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
 * A whole negotiation in this process, for {@code energychain dispatch simulate} and the benchmark: a real
 * dispatch chain ({@link Chain}, in-memory store, the {@code dispatch-negotiation} contract, Ed25519-signed
 * transactions) with a grid {@code grid} (GRID, the validator) and one PLANT member per simulated source.
 * Governance sets each source's social coefficient and the configuration; the sources publish their
 * policies; then {@link #negotiate} posts a demand and runs rounds: the round's proposer plans with
 * {@link MeritOrderPlanner} leaving out the sources that rejected earlier rounds, every source votes by its
 * own {@link AcceptancePolicy}, until the contract commits or fails the demand.
 */
public final class SimulatedNegotiation implements AutoCloseable {
    /** Large enough for a plan of 2,048 sources x 96 intervals (i64 kW each) in one transaction. */
    public static final ChainLimits LIMITS = new ChainLimits(5_000, 64 << 20, 4 << 20, 20_000, Duration.ofMillis(200));
    static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");

    private final CryptoSuite suite = CryptoSuites.SHA256_ED25519;
    private final Map<String, KeyPair> keys = new LinkedHashMap<>();
    private final Map<String, Long> nonces = new HashMap<>();
    private final Map<String, SourcePolicy> policies = new LinkedHashMap<>();
    private final Chain chain;
    private final Member reader;
    private int blocks;

    public SimulatedNegotiation(List<SimulatedSource> sources, NegotiationConfig config, long keySeed) {
        SecureRandom rnd = new SecureRandom(Long.toString(keySeed).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<Member> members = new ArrayList<>();
        members.add(member("grid", Role.GRID, rnd));
        for (SimulatedSource s : sources) {
            members.add(member(s.id(), Role.PLANT, rnd));
            policies.put(s.id(), s.policy());
        }
        reader = members.get(0);
        Genesis g = new Genesis("dispatch", suite.name(), false, T0, members,
                List.of(NodeInfo.solo("grid-node", "grid", reader.key())), List.of(new Validator("grid-node", 10)),
                List.of(NegotiationContract.NAME), LIMITS);
        chain = new Chain(g, new InMemoryChainStore(g), new ContractRegistry().register(new NegotiationContract()),
                "grid-node", keys.get("grid").privateKey(), Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC));
        List<Submission> setup = new ArrayList<>();
        setup.add(offer("grid", NegotiationContract.CONFIGURE, config.encode()));
        for (SimulatedSource s : sources) {
            setup.add(offer("grid", NegotiationContract.SET_SOCIAL, new SocialArgs(s.id(), s.socialPpm()).encode()));
            setup.add(offer(s.id(), NegotiationContract.PUBLISH_POLICY, s.policy().encode()));
        }
        settle(setup);
    }

    private Member member(String id, Role role, SecureRandom rnd) {
        KeyPair k = suite.signatures().generateKeyPair(rnd);
        keys.put(id, k);
        return new Member(id, EnumSet.of(role), k.publicKey());
    }

    public Chain chain() {
        return chain;
    }

    public Map<String, SourcePolicy> policies() {
        return policies;
    }

    private Transaction sign(String sender, String method, byte[] args) {
        long nonce = nonces.getOrDefault(sender, 0L);
        nonces.put(sender, nonce + 1);
        return Transaction.sign(chain.id(), sender, nonce, NegotiationContract.NAME, method, args, suite.signatures(),
                keys.get(sender).privateKey());
    }

    private Submission admit(Transaction tx) {
        Submission s = chain.submit(tx);
        if (!s.accepted()) {
            throw new IllegalStateException(tx.method() + " by " + tx.sender() + " not admitted: " + s.rejection());
        }
        return s;
    }

    private Submission offer(String sender, String method, byte[] args) {
        return admit(sign(sender, method, args));
    }

    /** Cuts blocks until every submission has its receipt; returns the receipts in submission order. */
    private List<Receipt> settle(List<Submission> subs) {
        while (chain.pending() > 0) {
            chain.cutBlock();
            blocks++;
        }
        List<Receipt> out = new ArrayList<>();
        for (Submission s : subs) {
            try {
                out.add(s.receipt().get(30, TimeUnit.SECONDS));
            } catch (Exception e) {
                throw new IllegalStateException("no receipt for " + s.txId(), e);
            }
        }
        return out;
    }

    private static void check(Receipt r) {
        if (!r.result().isOk()) {
            throw new IllegalStateException("refused: " + r.result().code() + " " + r.result().message());
        }
    }

    public DemandState state(String demandId) {
        try {
            return DemandState.decode(chain.query(NegotiationContract.NAME, NegotiationContract.DEMAND,
                    DemandRef.of(demandId).encode(), reader));
        } catch (ContractException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * Posts the demand (every source with a policy takes part) and runs it to its end.
     *
     * @param co2MilliPerTonne the proposers' clean-energy preference (shadow CO2 price, milli-currency per t)
     */
    public NegotiationRun negotiate(String demandId, int intervalMinutes, List<Long> profileKw, int maxRounds,
            long co2MilliPerTonne) {
        return negotiate(demandId, intervalMinutes, profileKw, maxRounds, co2MilliPerTonne,
                (s, round, excluded) -> MeritOrderPlanner.plan(demandId, round, profileKw, s.participants(), excluded,
                        co2MilliPerTonne));
    }

    /** How each round's proposer plans: from the demand's state, the round, and the sources to leave out. */
    @FunctionalInterface
    public interface Planner {
        ProposeArgs plan(DemandState state, int round, Set<String> excluded);
    }

    /** As {@link #negotiate(String, int, List, int, long)}, with the proposers' planner given. */
    public NegotiationRun negotiate(String demandId, int intervalMinutes, List<Long> profileKw, int maxRounds,
            long co2MilliPerTonne, Planner planner) {
        int blocksBefore = blocks;
        long t0 = System.nanoTime();
        Transaction postTx = sign("grid", NegotiationContract.POST_DEMAND,
                new PostDemandArgs(demandId, "simulated", intervalMinutes, profileKw, List.of(), maxRounds, 0).encode());
        long t1 = System.nanoTime();
        check(settle(List.of(admit(postTx))).get(0));
        double post = (System.nanoTime() - t1) / 1e6;
        double signing = (t1 - t0) / 1e6;
        double plan = 0;
        double propose = 0;
        double vote = 0;
        double proposeAdmission = 0;
        double voteAdmission = 0;
        List<NegotiationRun.RoundReport> reports = new ArrayList<>();
        DemandState s = state(demandId);
        while (s.status() == DemandRecord.Status.OPEN) {
            Round r = s.current();
            long a = System.nanoTime();
            Set<String> excluded = MeritOrderPlanner.excludedAfter(s);
            ProposeArgs p = planner.plan(s, r.number(), excluded);
            long b = System.nanoTime();
            Transaction proposeTx = sign(r.proposer(), NegotiationContract.PROPOSE, p.encode());
            long b2 = System.nanoTime();
            Submission proposed = admit(proposeTx);
            long b3 = System.nanoTime();
            check(settle(List.of(proposed)).get(0));
            long c = System.nanoTime();
            List<Transaction> ballots = new ArrayList<>();
            for (var part : s.participants()) {
                VoteArgs v = new AcceptancePolicy(part.sourceId(), part.policy()).vote(p, profileKw.size());
                ballots.add(sign(part.sourceId(), NegotiationContract.VOTE, v.encode()));
            }
            long c2 = System.nanoTime();
            // the sources send their votes at once, as they would to the node's API: admitted on all cores
            List<Submission> votes = ballots.parallelStream().map(this::admit).toList();
            long c3 = System.nanoTime();
            settle(votes);
            long d = System.nanoTime();
            plan += (b - a) / 1e6;
            signing += (b2 - b + c2 - c) / 1e6;
            propose += (c - b2) / 1e6;
            vote += (d - c2) / 1e6;
            proposeAdmission += (b3 - b2) / 1e6;
            voteAdmission += (c3 - c2) / 1e6;
            s = state(demandId);
            Round done = s.rounds().get(r.number() - 1);
            Map<RejectReason, Integer> reasons = new EnumMap<>(RejectReason.class);
            for (Vote v : s.votes(r.number())) {
                if (!v.accept()) {
                    reasons.merge(v.reason(), 1, Integer::sum);
                }
            }
            reports.add(new NegotiationRun.RoundReport(r.number(), r.proposer(), excluded.size(), done.outcome(),
                    done.acceptPpm(), done.rejectPpm(), reasons, PlanMetrics.of(p, policies, intervalMinutes)));
        }
        PlanMetrics committed = s.committedPlan() == null ? null
                : PlanMetrics.of(s.committedPlan(), policies, intervalMinutes);
        return new NegotiationRun(s, reports, committed,
                new NegotiationRun.Timings(post, plan, propose, vote, signing, blocks - blocksBefore,
                        proposeAdmission, voteAdmission));
    }

    @Override
    public void close() {
        chain.close();
    }
}
