package org.energychain.ledger.finality;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.genesis.Roster;

/**
 * Proof that a block is final: the signatures of validators holding more than two thirds of the chain's
 * voting power on one {@link VoteTarget}. Honest validators sign one block per height, so while fewer
 * than a third of the power is faulty no two certificates can exist at one height; any client can check
 * one against the genesis alone.
 *
 * <p>Encoding: tag {@code EC/cert/v1}, the target's encoding (inline), i32 n, n x (string node, bytes
 * signature) sorted by node.
 */
public record FinalityCertificate(VoteTarget target, List<Signature> signatures) {
    public static final String TAG = "EC/cert/v1";

    /** One validator's signature over the target. */
    public record Signature(String node, byte[] signature) {
        public Signature {
            Objects.requireNonNull(node, "node");
            signature = signature.clone();
        }

        @Override
        public byte[] signature() {
            return signature.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Signature s && node.equals(s.node) && java.util.Arrays.equals(signature, s.signature);
        }

        @Override
        public int hashCode() {
            return node.hashCode();
        }
    }

    public FinalityCertificate {
        Objects.requireNonNull(target, "target");
        signatures = signatures.stream().sorted(Comparator.comparing(Signature::node)).toList();
    }

    /** Whether more than two thirds of {@code total} is {@code power}: 3 x power > 2 x total. */
    public static boolean supermajority(long power, long total) {
        return java.math.BigInteger.valueOf(power).multiply(java.math.BigInteger.valueOf(3))
                .compareTo(java.math.BigInteger.valueOf(total).shiftLeft(1)) > 0;
    }

    /** Empty if the certificate is valid for the genesis roster: distinct validators, good signatures, > 2/3 power. */
    public Optional<String> problem(Genesis genesis) {
        return problem(genesis, genesis.roster());
    }

    /**
     * Empty if the certificate is valid for {@code roster}, the roster of the certified height: distinct
     * validators of it, good signatures, more than two thirds of its power.
     */
    public Optional<String> problem(Genesis genesis, Roster roster) {
        if (!target.chainId().equals(genesis.chainId())) {
            return Optional.of("certificate of chain " + target.chainId() + ", not " + genesis.chainId());
        }
        Set<String> seen = new HashSet<>();
        long power = 0;
        for (Signature s : signatures) {
            if (!seen.add(s.node())) {
                return Optional.of("certificate of " + target + " has two signatures of " + s.node());
            }
            Optional<String> p = new Vote(target, s.node(), s.signature()).problem(genesis, roster);
            if (p.isPresent()) {
                return Optional.of("certificate of " + target + ": " + p.get());
            }
            power += roster.validator(s.node()).orElseThrow().power();
        }
        if (!supermajority(power, roster.totalPower())) {
            return Optional.of("certificate of " + target + " holds " + power + " of " + roster.totalPower()
                    + " voting power, not more than two thirds");
        }
        return Optional.empty();
    }

    public byte[] encode() {
        CanonicalWriter w = new CanonicalWriter(512).tag(TAG);
        target.write(w);
        w.i32(signatures.size());
        for (Signature s : signatures) {
            w.string(s.node()).bytes(s.signature());
        }
        return w.toByteArray();
    }

    /** @throws IllegalArgumentException naming what is malformed (strict: re-encodes to the same bytes) */
    public static FinalityCertificate decode(byte[] bytes, int width) {
        CanonicalReader r = new CanonicalReader(bytes).expectTag(TAG);
        VoteTarget t = VoteTarget.read(r, width);
        int n = r.i32("signature count");
        if (n < 0 || n > 100_000) {
            throw new IllegalArgumentException("signature count " + n + " out of range");
        }
        List<Signature> sigs = new ArrayList<>(Math.min(n, 1024));
        for (int i = 0; i < n; i++) {
            sigs.add(new Signature(r.string("node"), r.bytes("signature")));
        }
        r.end();
        FinalityCertificate c = new FinalityCertificate(t, sigs);
        if (!java.util.Arrays.equals(c.encode(), bytes)) {
            throw new IllegalArgumentException("certificate of " + t + " is not in canonical form");
        }
        return c;
    }
}
