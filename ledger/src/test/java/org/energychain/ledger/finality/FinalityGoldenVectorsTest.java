package org.energychain.ledger.finality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.energychain.crypto.Hex;
import org.junit.jupiter.api.Test;

/** Golden vectors of docs/network.md, computed by docs/reference/recompute.py (an independent implementation). */
class FinalityGoldenVectorsTest {
    static byte[] filled(int b) {
        byte[] out = new byte[32];
        Arrays.fill(out, (byte) b);
        return out;
    }

    static byte[] four(int b) {
        byte[] out = new byte[4];
        Arrays.fill(out, (byte) b);
        return out;
    }

    static final VoteTarget TARGET = new VoteTarget("trading", 7, filled(7), filled(8), filled(9));
    static final String TARGET_HEX = "0000000a45432f766f74652f76310000000774726164696e670000000000000007070707070707070707070707070707"
            + "070707070707070707070707070707070708080808080808080808080808080808080808080808080808080808080808"
            + "080909090909090909090909090909090909090909090909090909090909090909";

    @Test
    void voteTarget() {
        assertThat(Hex.encode(TARGET.encode())).isEqualTo(TARGET_HEX);
    }

    @Test
    void signedVote() {
        Vote v = new Vote(TARGET, "G1-1", four(0xaa));
        assertThat(Hex.encode(v.encode())).isEqualTo("0000001045432f7369676e6564766f74652f7631" + TARGET_HEX
                + "0000000447312d3100000004aaaaaaaa");
        assertThat(Vote.decode(v.encode(), 32).target()).isEqualTo(TARGET);
    }

    @Test
    void certificate() {
        FinalityCertificate c = new FinalityCertificate(TARGET, List.of(
                new FinalityCertificate.Signature("PLAT-1", four(0xbb)), new FinalityCertificate.Signature("G1-1",
                        four(0xaa)), new FinalityCertificate.Signature("G2-1", four(0xcc))));
        String hex = "0000000a45432f636572742f7631" + TARGET_HEX + "00000003" + "0000000447312d3100000004aaaaaaaa"
                + "0000000447322d3100000004cccccccc" + "00000006504c41542d3100000004bbbbbbbb";
        assertThat(Hex.encode(c.encode())).isEqualTo(hex);
        assertThat(FinalityCertificate.decode(c.encode(), 32)).isEqualTo(c);
        // signatures out of order are not the canonical form
        byte[] swapped = Hex.decode("0000000a45432f636572742f7631" + TARGET_HEX + "00000002"
                + "0000000447322d3100000004cccccccc" + "0000000447312d3100000004aaaaaaaa");
        assertThatThrownBy(() -> FinalityCertificate.decode(swapped, 32)).hasMessageContaining("canonical");
    }

    @Test
    void supermajorityIsMoreThanTwoThirds() {
        assertThat(FinalityCertificate.supermajority(3, 4)).isTrue();
        assertThat(FinalityCertificate.supermajority(2, 3)).isFalse();
        assertThat(FinalityCertificate.supermajority(5, 7)).isTrue();
        assertThat(FinalityCertificate.supermajority(4, 6)).isFalse();
        assertThat(FinalityCertificate.supermajority(Long.MAX_VALUE / 2, Long.MAX_VALUE - 1)).isFalse();
    }
}
