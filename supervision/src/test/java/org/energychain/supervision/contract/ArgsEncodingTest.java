package org.energychain.supervision.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.energychain.crypto.Hex;
import org.energychain.crypto.encoding.CanonicalWriter;
import org.energychain.supervision.store.DestructionRecord;
import org.energychain.supervision.store.PeriodKey;
import org.junit.jupiter.api.Test;

/** Round trips and strict decoding of the argument and record types, independent of any chain. */
class ArgsEncodingTest {
    @Test
    void everyTypeRoundTrips() {
        AnchorArgs a = Fixtures.anchor("G1", 1, "SHA-256");
        assertThat(AnchorArgs.decode(a.encode())).isEqualTo(a);
        FilingArgs f = Fixtures.filing("G1", 2);
        assertThat(FilingArgs.decode(f.encode())).isEqualTo(f);
        AckArgs ack = new AckArgs(Fixtures.period("G1", 2), "ok");
        assertThat(AckArgs.decode(ack.encode())).isEqualTo(ack);
        DestructionArgs d = DestructionArgs.of(Fixtures.destruction("G1", 3));
        assertThat(DestructionArgs.decode(d.encode()).record()).isEqualTo(d.record());
        DestructionRecord allPlants = new DestructionRecord(4, "G1", null, Fixtures.START, Fixtures.END, "court order",
                Instant.parse("2026-05-02T00:00:00Z"), 0, List.of(), List.of());
        assertThat(DestructionArgs.decode(DestructionArgs.of(allPlants).encode()).record()).isEqualTo(allPlants);
        TxFacts facts = new TxFacts("reg", "ab", 3, Instant.parse("2026-06-01T00:00:05Z"));
        Filing acked = new Filing(f, facts, new Acknowledgement("n", facts));
        assertThat(Filing.decode(acked.encode()).encode()).isEqualTo(acked.encode());
        assertThat(PendingArgs.decode(PendingArgs.all().encode())).isEqualTo(PendingArgs.all());
        assertThat(PageArgs.decode(new PageArgs("G1", 4, 9).encode())).isEqualTo(new PageArgs("G1", 4, 9));
        assertThat(AnchorQuery.decode(AnchorQuery.latest("G1", Fixtures.START, Fixtures.END).encode()).version()).isZero();
    }

    @Test
    void anchorArgsEncodingIsPinned() {
        AnchorArgs a = new AnchorArgs(Fixtures.period("G1", 1), "SHA-256", Fixtures.bytes(0xaa),
                List.of(new PlantRoot("P", Fixtures.bytes(0xbb))));
        assertThat(Hex.encode(a.encode())).isEqualTo("00000011" + Hex.encode("EC/anchor-args/v1".getBytes(StandardCharsets.UTF_8))
                + "00000002" + "4731" + "0000000a" + Hex.encode("2026-03-01".getBytes(StandardCharsets.UTF_8))
                + "0000000a" + Hex.encode("2026-03-04".getBytes(StandardCharsets.UTF_8)) + "00000001"
                + "00000007" + Hex.encode("SHA-256".getBytes(StandardCharsets.UTF_8)) + "aa".repeat(32)
                + "00000001" + "00000001" + "50" + "bb".repeat(32));
    }

    @Test
    void constructorsRefuseWhatDecodeWouldRefuse() {
        assertThatThrownBy(() -> new AnchorArgs(Fixtures.period("G1", 1), "SHA-256", Fixtures.bytes(1), List.of()))
                .hasMessageContaining("at least one plant");
        assertThatThrownBy(() -> new PlantRoot("P", new byte[16])).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new FilingArgs(Fixtures.period("G1", 1), "SHA-256", Fixtures.bytes(1),
                Fixtures.bytes(2), -1)).hasMessageContaining("D2 dataset count");
        DestructionRecord r = Fixtures.destruction("G1", 1);
        DestructionRecord outside = new DestructionRecord(1, "G1", "G1-S001", Fixtures.START, Fixtures.START.plusDays(1),
                "x", r.at(), 1, r.days(), List.of());
        assertThatThrownBy(() -> DestructionArgs.of(outside)).hasMessageContaining("day[1]").hasMessageContaining("outside");
        DestructionRecord blank = new DestructionRecord(1, "G1", null, Fixtures.START, Fixtures.END, " ", r.at(), 0,
                List.of(), List.of());
        assertThatThrownBy(() -> DestructionArgs.of(blank)).hasMessageContaining("reason");
        assertThatThrownBy(() -> new PageArgs("G1", -1, 1)).hasMessageContaining("from");
    }

    /**
     * Seen while writing ContractDecodersFuzzTest#anchorArgs (its corpus keeps the input): a period of more
     * days than an int counts decoded, then recomputing Hash_G (a plant leaf holds an i32 day count) threw
     * ArithmeticException in the contract.
     */
    @Test
    void anAnchorOverMoreDaysThanAPlantLeafCountsIsRefused() {
        LocalDate first = LocalDate.of(-999_999_999, 1, 1);
        PeriodKey longest = new PeriodKey("G1",
                first, LocalDate.of(999_999_999, 12, 31), 1);
        byte[] encoded = CanonicalWriter.tagged(AnchorArgs.TAG).string("G1")
                .date(longest.start()).date(longest.endExclusive()).i32(1).string("SHA-256").fixed(Fixtures.bytes(1))
                .i32(1).string("G1-S001").fixed(Fixtures.bytes(2)).toByteArray();
        assertThatThrownBy(() -> AnchorArgs.decode(encoded)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("days");
        PeriodKey widest = new PeriodKey("G1",
                first, first.plusDays(Integer.MAX_VALUE), 1);
        AnchorArgs ok = new AnchorArgs(widest, "SHA-256", Fixtures.bytes(1), List.of(new PlantRoot("P", Fixtures.bytes(2))));
        assertThat(ok.computeGroupRoot()).hasSize(32);
    }
}
