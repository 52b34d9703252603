package org.energychain.supervision.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.energychain.crypto.HashFunctions;
import org.energychain.crypto.Hex;
import org.energychain.crypto.encoding.CanonicalWriter;
import org.energychain.crypto.merkle.MerkleTree;
import org.energychain.supervision.reading.Measurement;
import org.energychain.supervision.reading.Reading;
import org.junit.jupiter.api.Test;

/**
 * Golden vectors of docs/encoding.md. The expected values were computed by docs/reference/recompute.py,
 * an independent Python implementation written from the specification, so a change to any encoding
 * breaks this test and the spec must change with it.
 */
class EncodingGoldenVectorsTest {
    static final byte[] SALT = Hex.decode("000102030405060708090a0b0c0d0e0f");
    static final byte[] KEY = Hex.decode("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    static final Instant T = Instant.parse("2026-01-01T00:15:00Z");

    @Test
    void decimals() {
        assertThat(hex(new CanonicalWriter().decimal(new BigDecimal("1234.50")))).isEqualTo("00000001000000023039");
        assertThat(hex(new CanonicalWriter().decimal(new BigDecimal("-0.001")))).isEqualTo("0000000300000001ff");
        assertThat(hex(new CanonicalWriter().decimal(new BigDecimal("0.000")))).isEqualTo("000000000000000100");
        assertThat(hex(new CanonicalWriter().decimal(new BigDecimal("128")))).isEqualTo("00000000000000020080");
    }

    @Test
    void readingLeafAndItsHash() {
        ReadingLeaf leaf = new ReadingLeaf("SHA-256", "G1", "G1-W001", T, "active_power", "kW", new BigDecimal("1234.50"), SALT);
        assertThat(Hex.encode(leaf.encode())).isEqualTo("0000000d45432f72656164696e672f7631000000075348412d323536"
                + "0000000247310000000747312d573030310000019b76e863a00000000c6163746976655f706f776572000000026b57"
                + "00000001000000023039000102030405060708090a0b0c0d0e0f");
        assertThat(Hex.encode(MerkleTree.leafHash(HashFunctions.SHA256, leaf.encode())))
                .isEqualTo("598aba8837f9e369ab1ca8f8cc82ddf3e4b50fcfdd883b2456e6bad32e7f2391");
        assertThat(ReadingLeaf.decode(leaf.encode())).isEqualTo(leaf);
    }

    @Test
    void saltDerivation() {
        ReadingLeafEncoder enc = new ReadingLeafEncoder(ctx(LocalDate.of(2026, 1, 2)), KEY);
        Reading r = new Reading("G1-W001", T, Measurement.ACTIVE_POWER, new BigDecimal("1234.5"));
        assertThat(Hex.encode(enc.salt(r))).isEqualTo("82a94dcb893c8bd868048a8e16b95932");
        byte[] out = new byte[32];
        enc.leafHash(r, out, 0);
        assertThat(out).isEqualTo(MerkleTree.leafHash(HashFunctions.SHA256, enc.leaf(r).encode()));
    }

    @Test
    void dayAndPlantLeaves() {
        DayLeaf day = new DayLeaf("SHA-256", "G1", "G1-W001", LocalDate.of(2026, 1, 1), 96, filled(0x11));
        assertThat(Hex.encode(day.encode())).isEqualTo("0000000945432f6461792f7631000000075348412d323536000000024731"
                + "0000000747312d573030310000000a323032362d30312d3031000000601111111111111111111111111111111111111111"
                + "111111111111111111111111");
        PlantLeaf plant = new PlantLeaf("SHA-256", "G1", "G1-W001", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1),
                31, filled(0x22));
        assertThat(Hex.encode(plant.encode())).isEqualTo("0000000b45432f706c616e742f7631000000075348412d32353600000002"
                + "47310000000747312d573030310000000a323032362d30312d30310000000a323032362d30322d30310000001f2222"
                + "222222222222222222222222222222222222222222222222222222222222");
        assertThat(DayLeaf.decode(day.encode(), 32)).isEqualTo(day);
        assertThat(PlantLeaf.decode(plant.encode(), 32)).isEqualTo(plant);
    }

    @Test
    void aWholeTinyGroupGivesTheSameRootsAsTheIndependentImplementation() {
        TreeContext ctx = ctx(LocalDate.of(2026, 1, 2));
        ReadingLeafEncoder enc = new ReadingLeafEncoder(ctx, KEY);
        List<PlantLeaf> plants = new ArrayList<>();
        String[][] expected = {
            {"G1-A", "b3651070466d9ec29e85e4b795f31d4a8b9763a868cf4d8a0764754a9c87597e",
                "19bbadb7eb2c02c8ddf75235536212fca38d9e23d49f8aefe7698c32cb2aa9e9"},
            {"G1-B", "147094107a529ebd86d0e147ab4e4b40337acd610f7f4af4660752c2fa1574dc",
                "3c8b01f613d3810b795f8feb5949e926dcf9bfb4c86a086d0c85f168020647e1"}};
        int base = 10;
        for (String[] e : expected) {
            List<Reading> rs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Instant t = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(900L * i);
                // deliberately out of canonical order: the tree sorts them
                rs.add(new Reading(e[0], t, Measurement.ENERGY, BigDecimal.valueOf(base + i).divide(BigDecimal.valueOf(4))));
                rs.add(new Reading(e[0], t, Measurement.ACTIVE_POWER, BigDecimal.valueOf(base + i)));
            }
            DayTree day = DayTree.build(enc, e[0], ctx.start(), rs);
            assertThat(Hex.encode(day.leaf().root())).isEqualTo(e[1]);
            PeriodTree period = PeriodTree.build(ctx, e[0], List.of(day.leaf()));
            assertThat(Hex.encode(period.leaf().root())).isEqualTo(e[2]);
            plants.add(period.leaf());
            base += 10;
        }
        assertThat(Hex.encode(GroupTree.build(ctx, plants).root()))
                .isEqualTo("17a3be189e452da54e43552f22b85d8a4af3a8f156bc5f2b19023ca92ccf13e3");
    }

    static TreeContext ctx(LocalDate end) {
        return new TreeContext(HashFunctions.SHA256, "G1", LocalDate.of(2026, 1, 1), end);
    }

    static byte[] filled(int b) {
        byte[] out = new byte[32];
        java.util.Arrays.fill(out, (byte) b);
        return out;
    }

    static String hex(CanonicalWriter w) {
        return Hex.encode(w.toByteArray());
    }
}
