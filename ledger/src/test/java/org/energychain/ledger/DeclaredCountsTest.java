package org.energychain.ledger;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.energychain.crypto.encoding.CanonicalWriter;
import org.energychain.ledger.block.Block;
import org.energychain.ledger.block.BlockHeader;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.tx.TxResult;
import org.junit.jupiter.api.Test;

/**
 * A count declared in outside bytes never sizes an allocation: a huge or negative one is refused as
 * malformed before anything is allocated for it (found by LedgerDecodersFuzzTest; the inputs are in its corpus).
 */
class DeclaredCountsTest {
    private static final int HUGE = Integer.MAX_VALUE;

    @Test
    void aBlockClaimingMoreTransactionsThanItsBytesIsRefused() {
        BlockHeader h = new BlockHeader("c", 1, new byte[32], new byte[32], new byte[32], new byte[32], Instant.EPOCH,
                "p", HUGE);
        byte[] block = new CanonicalWriter().bytes(h.encode()).bytes(new byte[0]).i32(HUGE).toByteArray();
        assertThatThrownBy(() -> Block.decode(block, 32)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tx count");
        byte[] other = new CanonicalWriter().bytes(h.encode()).bytes(new byte[0]).i32(0).toByteArray();
        assertThatThrownBy(() -> Block.decode(other, 32)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("header says " + HUGE);
    }

    @Test
    void aResultClaimingMoreEventsThanItsBytesIsRefused() {
        byte[] result = CanonicalWriter.tagged(TxResult.TAG).i32(0).string("").i32(HUGE).toByteArray();
        assertThatThrownBy(() -> TxResult.decode(result)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("events: count " + HUGE);
        byte[] negative = CanonicalWriter.tagged(TxResult.TAG).i32(0).string("").i32(-1).toByteArray();
        assertThatThrownBy(() -> TxResult.decode(negative)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("events: negative count");
    }

    @Test
    void aGenesisClaimingMoreMembersThanItsBytesIsRefused() {
        byte[] genesis = CanonicalWriter.tagged(Genesis.TAG).string("c").string("sha256-ed25519").bool(false)
                .instant(Instant.EPOCH).i32(HUGE).toByteArray();
        assertThatThrownBy(() -> Genesis.decode(genesis)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("members: count " + HUGE);
    }
}
