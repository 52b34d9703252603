package org.energychain.trading.market;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.energychain.crypto.HashFunctions;
import org.energychain.crypto.encoding.DecoderContract;
import org.energychain.crypto.encoding.DecoderContract.Format;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzz tests of the data market's decoders of outside bytes (docs/fuzzing.md): the delivery package a
 * buyer receives from a seller, the dispute proof, every contract argument, and the records and answers
 * a client reads back from the chain.
 */
@Timeout(60) // per input in the build (the first one also attaches Jazzer); bin/fuzz gives each input 10 s
class MarketDecodersFuzzTest {
    static final Format<DeliveryPackage> DELIVERY = DecoderContract.format("delivery package",
            DeliveryPackage::decode, DeliveryPackage::encode);
    static final Format<DisputeProof> DISPUTE = DecoderContract.format("dispute proof", DisputeProof::decode,
            DisputeProof::encode);
    static final List<Format<?>> ARGS = List.of(
            DecoderContract.format("deliver", DeliverArgs::decode, DeliverArgs::encode),
            DecoderContract.format("reveal-key", RevealArgs::decode, RevealArgs::encode),
            DecoderContract.format("purchase", PurchaseArgs::decode, PurchaseArgs::encode),
            DecoderContract.format("deposit", DepositArgs::decode, DepositArgs::encode),
            DecoderContract.format("withdraw", WithdrawArgs::decode, WithdrawArgs::encode),
            DecoderContract.format("trades query", TradesQuery::decode, TradesQuery::encode),
            DecoderContract.format("trade ref", TradeRef::decode, TradeRef::encode),
            DecoderContract.format("balance", AccountBalance::decode, AccountBalance::encode),
            DecoderContract.format("config", MarketConfig::decode, MarketConfig::encode));
    static final List<Format<?>> RECORDS = List.of(
            DecoderContract.format("trade", TradeState::decode, TradeState::encode),
            DecoderContract.format("trade page", TradePage::decode, TradePage::encode),
            DecoderContract.format("trade event", MarketEvents.TradeEvent::decode, MarketEvents.TradeEvent::encode),
            DecoderContract.format("account event", MarketEvents.AccountEvent::decode,
                    MarketEvents.AccountEvent::encode),
            DecoderContract.format("totals", MarketTotals::decode, MarketTotals::encode));

    private static final String TRADE = "ab".repeat(32);
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @MethodSource("deliveries")
    @FuzzTest
    void deliveryPackage(byte[] input) {
        DecoderContract.check(DELIVERY, input);
    }

    @MethodSource("disputes")
    @FuzzTest
    void disputeProof(byte[] input) {
        DecoderContract.check(DISPUTE, input);
    }

    @MethodSource("arguments")
    @FuzzTest
    void contractArgs(byte[] input) {
        DecoderContract.checkAll(ARGS, input);
    }

    @MethodSource("records")
    @FuzzTest
    void records(byte[] input) {
        DecoderContract.checkAll(RECORDS, input);
    }

    static DeliveryPackage delivery(int size) {
        byte[] data = new byte[size];
        for (int i = 0; i < size; i++) {
            data[i] = (byte) (i * 31);
        }
        byte[] key = new byte[ChunkCipher.KEY_BYTES];
        return DeliveryPackage.seal(HashFunctions.SHA256, TRADE, data, key);
    }

    static Stream<Arguments> deliveries() {
        return Stream.of(seed("one chunk", delivery(100).encode()), seed("three chunks", delivery(9000).encode()));
    }

    static Stream<Arguments> disputes() {
        return Stream.of(seed("leaf 1 of 3", delivery(9000).disputeProof(1).encode()),
                seed("single leaf", delivery(10).disputeProof(0).encode()));
    }

    static Stream<Arguments> arguments() {
        return Stream.of(
                seed("deliver", new DeliverArgs(TRADE, "B1", digest(1), 3, digest(2)).encode()),
                seed("reveal-key", new RevealArgs(TRADE, digest(3)).encode()),
                seed("purchase", new PurchaseArgs("D1/hourly/G1-W001/2026-01-01/2026-02-01", 2, 500).encode()),
                seed("deposit", new DepositArgs("B1", 10_000, "bank:2026/0001").encode()),
                seed("withdraw", new WithdrawArgs(50, "payout-7").encode()),
                seed("trades query", new TradesQuery(TradesQuery.By.LISTING, "D1/x", 5, 20).encode()),
                seed("trade ref", new TradeRef(TRADE).encode()),
                seed("balance", AccountBalance.of("G1").encode()),
                seed("config", MarketConfig.DEFAULT.encode()));
    }

    static TradeState purchased() {
        return TradeState.purchased(TRADE, "D1/x", 1, "G1", "B1", "SHA-256", digest(4), 9000, 3, 500,
                new MarketConfig(Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(3), Duration.ofDays(3)),
                new Step("B1", "cd".repeat(32), 7, T0));
    }

    static Stream<Arguments> records() {
        TradeState bought = purchased();
        TradeState revealed = bought.delivered(new Step("G1", "01", 8, T0.plusSeconds(60)), digest(5), digest(6))
                .received(new Step("B1", "02", 9, T0.plusSeconds(120)))
                .revealed(new Step("G1", "03", 10, T0.plusSeconds(180)), digest(7));
        TradeState disputed = revealed.closed(new Step("B1", "04", 11, T0.plusSeconds(240)), CloseReason.DISPUTE_UPHELD, 2);
        return Stream.of(
                seed("trade purchased", bought.encode()),
                seed("trade disputed", disputed.encode()),
                seed("trade page", new TradePage(3, 1, List.of(bought, disputed)).encode()),
                seed("trade event", MarketEvents.TradeEvent.of(disputed).encode()),
                seed("account event", new MarketEvents.AccountEvent("B1", 500, "bank:1", 9500).encode()),
                seed("totals", new MarketTotals(10_000, 500, 1).encode()));
    }

    static byte[] digest(int fill) {
        byte[] b = new byte[32];
        java.util.Arrays.fill(b, (byte) fill);
        return b;
    }

    static Arguments seed(String name, byte[] bytes) {
        return Arguments.of(Named.of(name, bytes));
    }
}
