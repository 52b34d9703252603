package org.energychain.dispatch.negotiation;

import static org.energychain.dispatch.negotiation.NegotiationContract.ONE;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.energychain.crypto.HashFunctions;
import org.energychain.crypto.encoding.CanonicalWriter;

/** The weighted, deterministic choice of each round's proposer (docs/dispatch.md, "Proposer of round r"). */
final class ProposerDraw {
    private ProposerDraw() {
    }

    /**
     * The proposer of a round (rounds count from 1). Participants are laid out in id order on the line
     * [0, 1,000,000), source k owning [c(k-1), c(k)) with c the cumulative weights; the round's position is
     * the first 8 bytes of SHA-256(tag {@code EC/nego/proposer/v2}, bytes demand encoding, i32 round), as an
     * unsigned integer mod 1,000,000; its owner proposes, unless it already proposed in the current cycle
     * (the last (round-1) mod n rounds), in which case the next source in id order (cyclically) that has not
     * does. So the choice is weighted, but no source proposes twice before every source has proposed once.
     *
     * @param line    the participants in id order with their weights
     * @param earlier the proposers of rounds 1..round-1, in order
     */
    static String proposer(PostDemandArgs d, List<Participant> line, int round, List<String> earlier) {
        int n = line.size();
        byte[] h = HashFunctions.SHA256.hash(CanonicalWriter.tagged("EC/nego/proposer/v2").bytes(d.encode())
                .i32(round).toByteArray());
        long x = 0;
        for (int i = 0; i < 8; i++) {
            x = (x << 8) | (h[i] & 0xff);
        }
        long pos = Long.remainderUnsigned(x, ONE);
        int owner = n - 1;
        long cum = 0;
        for (int k = 0; k < n; k++) {
            cum += line.get(k).ppm();
            if (pos < cum) {
                owner = k;
                break;
            }
        }
        int inCycle = (round - 1) % n;
        Set<String> excluded = new HashSet<>(earlier.subList(earlier.size() - Math.min(inCycle, earlier.size()),
                earlier.size()));
        for (int step = 0; step < n; step++) {
            String id = line.get((owner + step) % n).sourceId();
            if (!excluded.contains(id)) {
                return id;
            }
        }
        return line.get(owner).sourceId();
    }
}
