package org.energychain.trading.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.energychain.crypto.encoding.CanonicalWriter;
import org.junit.jupiter.api.Test;

class MarketEventsTest {
    private static byte[] tradeEvent(int status) {
        return CanonicalWriter.tagged(MarketEvents.TradeEvent.TAG).string("t").string("l").string("G1").string("B1")
                .i64(500).u8(status).toByteArray();
    }

    @Test
    void aTradeEventRoundTrips() {
        MarketEvents.TradeEvent e = MarketEvents.TradeEvent.decode(tradeEvent(TradeStatus.REFUNDED.ordinal()));
        assertThat(e.status()).isEqualTo(TradeStatus.REFUNDED);
        assertThat(e.encode()).isEqualTo(tradeEvent(TradeStatus.REFUNDED.ordinal()));
    }

    /** Found by MarketDecodersFuzzTest#records: an unknown status was an ArrayIndexOutOfBoundsException. */
    @Test
    void anUnknownStatusIsRefusedAsMalformed() {
        assertThatThrownBy(() -> MarketEvents.TradeEvent.decode(tradeEvent(TradeStatus.values().length)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("status: unknown value 6");
    }
}
