package org.energychain.ledger.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The bounded record of signatures verified ahead: by content, forgotten when used, oldest first when full. */
class VerifiedAheadTest {
    static byte[] id(int i) {
        byte[] b = new byte[32];
        b[0] = (byte) i;
        b[31] = (byte) (i >> 8);
        return b;
    }

    @Test
    void anIdIsKnownByItsBytesWithItsOutcomeAndForgottenOnceTaken() {
        VerifiedAhead v = new VerifiedAhead(8);
        byte[] id = id(1);
        v.add(id, true);
        v.add(id(2), false);
        id[0] = 9; // the caller's array changing later changes nothing
        assertThat(v.contains(id(1))).isTrue();
        assertThat(v.contains(id(9))).isFalse();
        assertThat(v.take(id(1))).isTrue();
        assertThat(v.take(id(1))).isNull();
        assertThat(v.take(id(2))).isFalse();
        assertThat(v.size()).isZero();
    }

    @Test
    void beyondItsCapacityTheOldestIdsAreForgotten() {
        VerifiedAhead v = new VerifiedAhead(3);
        for (int i = 0; i < 5; i++) {
            v.add(id(i), true);
        }
        assertThat(v.size()).isEqualTo(3);
        assertThat(v.contains(id(0))).isFalse();
        assertThat(v.contains(id(1))).isFalse();
        assertThat(v.contains(id(2))).isTrue();
        assertThat(v.contains(id(4))).isTrue();
    }

    @Test
    void aCapacityBelowOneIsRefused() {
        assertThatThrownBy(() -> new VerifiedAhead(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("capacity");
    }
}
