package org.energychain.ledger.finality;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.genesis.Roster;

/**
 * Tallies validators' votes in the order they arrive (at a replicated chain's leader, which then appends the
 * certificate to the log for every node; or in log order): the first votes that give one target more than two
 * thirds of the power make the certificate.
 * A validator's second vote at a height is ignored (and reported when it names another target: that is
 * equivocation). Votes at or below the certified height, or too far above the executed one, are dropped,
 * so memory stays bounded. Not thread-safe: callers serialise their calls.
 */
public final class VoteCollector {
    /** How far above the last executed height a vote may be (others are dropped as useless or hostile). */
    public static final long WINDOW = 1_000;

    private final Genesis genesis;
    private final java.util.function.LongFunction<Roster> rosterAt;
    private final TreeMap<Long, Map<VoteTarget, Map<String, byte[]>>> byHeight = new TreeMap<>();
    private final Map<Long, Map<String, VoteTarget>> voted = new HashMap<>();
    private long certifiedHeight;

    /** What adding a vote did. */
    public sealed interface Outcome {
        /** Counted; no certificate yet. */
        record Counted() implements Outcome {
        }

        /** This vote completed a certificate. */
        record Certified(FinalityCertificate certificate) implements Outcome {
        }

        /** Not counted, and why (a bad signature, a non-validator, a stale or duplicate vote). */
        record Ignored(String reason) implements Outcome {
        }

        /** The validator already voted for another target at this height: evidence of a faulty validator. */
        record Equivocation(String node, VoteTarget first, VoteTarget second) implements Outcome {
        }
    }

    /** A collector for a chain whose validators are the genesis ones for good. */
    public VoteCollector(Genesis genesis, long certifiedHeight) {
        this(genesis, certifiedHeight, h -> genesis.roster());
    }

    /**
     * A collector that checks a vote at height h against {@code rosterAt.apply(h)}, the roster valid there
     * (the chain's {@code validators} contract may change it).
     */
    public VoteCollector(Genesis genesis, long certifiedHeight, java.util.function.LongFunction<Roster> rosterAt) {
        this.genesis = genesis;
        this.certifiedHeight = certifiedHeight;
        this.rosterAt = rosterAt;
    }

    public long certifiedHeight() {
        return certifiedHeight;
    }

    /** A certificate at {@code height} was obtained otherwise (catching up): votes up to it are moot. */
    public void skipTo(long height) {
        if (height > certifiedHeight) {
            certifiedHeight = height;
            byHeight.headMap(height, true).clear();
            voted.keySet().removeIf(x -> x <= height);
        }
    }

    /** Adds a vote; {@code executedHeight} is this node's chain height (votes far above it are dropped). */
    public Outcome add(Vote v, long executedHeight) {
        long h = v.target().height();
        if (h <= certifiedHeight) {
            return new Outcome.Ignored("height " + h + " is already certified");
        }
        if (h > executedHeight + WINDOW) {
            return new Outcome.Ignored("height " + h + " is too far above the executed height " + executedHeight);
        }
        Map<String, VoteTarget> counted = voted.get(h);
        if (counted != null && v.target().equals(counted.get(v.node()))) {
            // the vote counted already, again (a validator resends its votes until their height is final):
            // ignored before its signature is checked, as it would be after. A leader whose certificates lag
            // would otherwise verify every resent vote again, and the more it lags the more it gets
            return new Outcome.Ignored("a second vote of " + v.node() + " at " + h);
        }
        Roster roster = rosterAt.apply(h);
        Optional<String> problem = v.problem(genesis, roster);
        if (problem.isPresent()) {
            return new Outcome.Ignored(problem.get());
        }
        Map<String, VoteTarget> atHeight = voted.computeIfAbsent(h, k -> new HashMap<>());
        VoteTarget earlier = atHeight.get(v.node());
        if (earlier != null) {
            // another target (the same one returned above): signed, so evidence
            return new Outcome.Equivocation(v.node(), earlier, v.target());
        }
        atHeight.put(v.node(), v.target());
        Map<String, byte[]> sigs = byHeight.computeIfAbsent(h, k -> new LinkedHashMap<>())
                .computeIfAbsent(v.target(), k -> new LinkedHashMap<>());
        sigs.put(v.node(), v.signature());
        long power = 0;
        for (String n : sigs.keySet()) {
            power += roster.validator(n).orElseThrow().power();
        }
        if (!FinalityCertificate.supermajority(power, roster.totalPower())) {
            return new Outcome.Counted();
        }
        List<FinalityCertificate.Signature> list = new ArrayList<>();
        sigs.forEach((n, s) -> list.add(new FinalityCertificate.Signature(n, s)));
        FinalityCertificate cert = new FinalityCertificate(v.target(), list);
        // a certificate at h also finalises every block below it (they are linked by hash)
        certifiedHeight = h;
        byHeight.headMap(h, true).clear();
        voted.keySet().removeIf(x -> x <= h);
        return new Outcome.Certified(cert);
    }
}
