package org.energychain.ledger.genesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.energychain.crypto.sign.PublicKey;
import org.junit.jupiter.api.Test;

/** Member lookup by binary search over the id-sorted members finds every member and nothing else. */
class GenesisMemberLookupTest {
    @Test
    void findsEveryMemberOfALargeChainWhateverTheInputOrder() {
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            members.add(new Member("S" + i, Set.of("writer"), new PublicKey("ed25519", new byte[32])));
        }
        Collections.shuffle(members, new Random(7));
        Genesis g = new Genesis("dispatch", "sha256-ed25519", false, Instant.parse("2026-01-01T00:00:00Z"), members,
                List.of(new NodeInfo("S1-node", "S1", new PublicKey("Ed25519", new byte[32]), null, "", "")),
                List.of(new Validator("S1-node", 10)), List.of(), ChainLimits.DEFAULT);
        for (Member m : members) {
            assertThat(g.member(m.id())).contains(m);
        }
        for (String absent : List.of("", "A", "S", "S1001", "S10000", "T", "s1", "S0 ")) {
            assertThat(g.member(absent)).as(absent).isEmpty();
        }
    }
}
