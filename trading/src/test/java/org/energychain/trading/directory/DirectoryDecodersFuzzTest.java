package org.energychain.trading.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.energychain.crypto.HashFunctions;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.DecoderContract;
import org.energychain.trading.catalog.ListingRecord;
import org.energychain.trading.catalog.Listings;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzz tests of the summary directory's decoders of outside bytes (docs/fuzzing.md): the snapshot file a
 * node restarts from, the record decoder that shares strings (it must agree with
 * {@link ListingRecord#decode}), and a search as the REST query string and its cursor token bring it.
 */
@Timeout(60) // per input in the build (the first one also attaches Jazzer); bin/fuzz gives each input 10 s
class DirectoryDecodersFuzzTest {
    private static final String CHAIN = "trading";
    private static final Path DIR;

    static {
        try {
            DIR = Files.createTempDirectory("directory-fuzz");
            DIR.toFile().deleteOnExit(); // after the files below (deleted in reverse order)
            for (String f : new String[] {"in.snap", "out.snap", "seed.snap"}) {
                DIR.resolve(f).toFile().deleteOnExit();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A snapshot file. Input: one byte (even: append the SHA-256 the format ends with, so that the fuzzer
     * gets past the checksum; odd: the file as it is), then the file. A snapshot loads or is refused as
     * {@link CorruptSnapshotException}; what loads saves to a snapshot that loads to the same directory,
     * byte for byte the input when it had no withdrawn listings.
     */
    @MethodSource("snapshots")
    @FuzzTest
    void snapshot(byte[] input) throws IOException {
        if (input.length < 1) {
            return;
        }
        byte[] body = Arrays.copyOfRange(input, 1, input.length);
        byte[] file = (input[0] & 1) == 0 ? withChecksum(body) : body;
        Path in = DIR.resolve("in.snap");
        Files.write(in, file);
        SummaryDirectory loaded;
        try {
            loaded = SummaryDirectory.load(in, CHAIN);
        } catch (CorruptSnapshotException e) {
            DecoderContract.requireMessage("snapshot", e);
            return;
        }
        Path out = DIR.resolve("out.snap");
        loaded.save(out);
        SummaryDirectory again = SummaryDirectory.load(out, CHAIN);
        assertThat(again.digest()).isEqualTo(loaded.digest());
        assertThat(again.height()).isEqualTo(loaded.height());
        CanonicalReader header = new CanonicalReader(file);
        header.string("tag");
        header.string("chain");
        header.i64("height");
        if (header.i64("count") == loaded.size()) {
            assertThat(Files.readAllBytes(out)).as("a snapshot of active listings saves to the same bytes")
                    .isEqualTo(file);
        }
    }

    static Stream<Arguments> snapshots() throws IOException {
        CatalogBlocks blocks = new CatalogBlocks(CHAIN);
        SummaryDirectory dir = SummaryDirectory.empty(CHAIN);
        blocks.publish(Listings.simple("D1/a", "G1"));
        blocks.publish(Listings.listing("D1/b", "solar", "daily", "South", "G2", "G2-S1", Listings.FEB, Listings.MAR, 7));
        dir.apply(blocks.cut());
        blocks.publish(Listings.simple("D1/c", "G1"));
        dir.apply(blocks.cut());
        Path file = DIR.resolve("seed.snap");
        dir.save(file);
        byte[] bytes = Files.readAllBytes(file);
        byte[] body = Arrays.copyOf(bytes, bytes.length - 32);
        SummaryDirectory.empty(CHAIN).save(file);
        byte[] empty = Files.readAllBytes(file);
        return Stream.of(seed("three listings", prefixed(0, body)), seed("as written", prefixed(1, bytes)),
                seed("empty", prefixed(1, empty)));
    }

    /** The directory's own record decoder accepts and refuses exactly what {@link ListingRecord#decode} does. */
    @MethodSource("records")
    @FuzzTest
    void recordDecoder(byte[] input) {
        ListingRecord plain = DecoderContract.check(
                DecoderContract.format("listing record", ListingRecord::decode, ListingRecord::encode), input);
        ListingRecord shared = DecoderContract.decodeOrNull("record decoder", new RecordDecoder()::decode, input);
        assertThat(shared == null).as("the record decoder refuses what ListingRecord.decode refuses").isEqualTo(plain == null);
        if (shared != null) {
            assertThat(shared.encode()).isEqualTo(input);
        }
    }

    static Stream<Arguments> records() {
        CatalogBlocks blocks = new CatalogBlocks(CHAIN);
        return Stream.of(seed("record", blocks.publish(Listings.simple("D1/a", "G1")).encode()));
    }

    /**
     * A search as a query string ({@code name=value&...}, later names win). What parses rebuilds from its
     * own parameters into the same query; a cursor token parses to a cursor whose token parses back to it.
     */
    @MethodSource("queries")
    @FuzzTest
    void query(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : text.split("&", -1)) {
            int eq = pair.indexOf('=');
            if (eq >= 0) {
                params.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        DirectoryQuery q = DecoderContract.decodeOrNull("query", b -> DirectoryQuery.parse(params), input);
        if (q != null) {
            assertThat(DirectoryQuery.parse(parameters(q))).isEqualTo(q);
        }
        DirectoryQuery.Cursor c = DecoderContract.decodeOrNull("cursor", b -> DirectoryQuery.Cursor.parse(text), input);
        if (c != null) {
            assertThat(DirectoryQuery.Cursor.parse(c.token())).isEqualTo(c);
        }
    }

    private static Map<String, String> parameters(DirectoryQuery q) {
        Map<String, String> p = new LinkedHashMap<>();
        if (!q.path().isEmpty()) {
            p.put("path", q.pathString());
        }
        if (q.from() != null) {
            p.put("from", q.from().toString());
        }
        if (q.to() != null) {
            p.put("to", q.to().toString());
        }
        if (q.mathType() != null) {
            p.put("mathType", q.mathType());
        }
        if (q.minPrice() != null) {
            p.put("minPrice", q.minPrice().toString());
        }
        if (q.maxPrice() != null) {
            p.put("maxPrice", q.maxPrice().toString());
        }
        p.put("sort", q.sort().param());
        p.put("limit", Integer.toString(q.limit()));
        if (q.cursor() != null) {
            p.put("cursor", q.cursor().token());
        }
        return p;
    }

    static Stream<Arguments> queries() {
        String cursor = new DirectoryQuery.Cursor(DirectoryQuery.Sort.PRICE_DESC, 500, "D1/a").token();
        return Stream.of(
                seed("query", ("path=wind/*/North&from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00.5Z&mathType=sum"
                        + "&minPrice=0&maxPrice=900&sort=-price&limit=7&cursor=" + cursor).getBytes(StandardCharsets.UTF_8)),
                seed("cursor", cursor.getBytes(StandardCharsets.US_ASCII)));
    }

    private static byte[] withChecksum(byte[] body) {
        byte[] sum = HashFunctions.SHA256.hash(body);
        byte[] out = Arrays.copyOf(body, body.length + sum.length);
        System.arraycopy(sum, 0, out, body.length, sum.length);
        return out;
    }

    private static byte[] prefixed(int first, byte[] b) {
        byte[] out = new byte[b.length + 1];
        out[0] = (byte) first;
        System.arraycopy(b, 0, out, 1, b.length);
        return out;
    }

    static Arguments seed(String name, byte[] bytes) {
        return Arguments.of(Named.of(name, bytes));
    }
}
