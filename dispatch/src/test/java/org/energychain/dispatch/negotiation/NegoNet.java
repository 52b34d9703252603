package org.energychain.dispatch.negotiation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.energychain.crypto.CryptoSuite;
import org.energychain.crypto.CryptoSuites;
import org.energychain.ledger.Chain;
import org.energychain.ledger.contract.ContractException;
import org.energychain.ledger.exec.Receipt;
import org.energychain.ledger.exec.Submission;
import org.energychain.ledger.genesis.Member;
import org.energychain.ledger.testkit.ContractChain;
import org.energychain.ledger.testkit.ManualClock;

/**
 * A dispatch chain in memory running only {@code dispatch-negotiation}: the grid {@code grid} (GRID), a
 * load {@code load} (LOAD), the group {@code g1} (GROUP, the validator), plants {@code p1..p5} (PLANT)
 * and the regulator {@code reg}, on the ledger's test kit. One block per submission.
 */
final class NegoNet implements AutoCloseable {
    static final Instant T0 = ContractChain.T0;
    final CryptoSuite suite = CryptoSuites.SHA256_ED25519;
    /** The chain's clock: block times; tests move it past deadlines. */
    final ManualClock clock = ManualClock.at(T0.plusSeconds(60));
    final Map<String, Member> members;
    final Chain chain;
    private final ContractChain net;

    NegoNet() {
        ContractChain.Builder b = ContractChain.builder().suite(suite).seed(5).member("grid", DispatchRoles.GRID)
                .member("load", DispatchRoles.LOAD).member("g1", DispatchRoles.GROUP).validator("g1");
        for (int i = 1; i <= 5; i++) {
            b.member("p" + i, DispatchRoles.PLANT);
        }
        net = b.member("reg", "regulator").contract(new NegotiationContract()).clock(clock).build("dispatch");
        members = net.members;
        chain = net.chain;
    }

    Submission offer(String sender, String method, byte[] args) {
        return net.offer(sender, method, args);
    }

    Receipt submit(String sender, String method, byte[] args) {
        return net.submit(sender, method, args);
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
        net.close();
    }
}
