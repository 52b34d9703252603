package org.energychain.trading.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.energychain.trading.catalog.Listings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotTest {
    @TempDir
    Path tmp;

    private final CatalogBlocks blocks = new CatalogBlocks("trading");
    private final SummaryDirectory dir = SummaryDirectory.empty("trading");

    @BeforeEach
    void fill() {
        Random rnd = new Random(5);
        for (int b = 0; b < 5; b++) {
            for (int i = 0; i < 40; i++) {
                blocks.publish(DirectoryPropertyTest.random(rnd, "D1/" + b + "/" + i));
            }
            blocks.withdraw("D1/" + b + "/3");
            dir.apply(blocks.cut());
        }
    }

    @Test
    void aLoadedSnapshotEqualsTheDirectoryItWasSavedFrom() throws IOException {
        Path file = tmp.resolve("directory.snap");
        dir.save(file);
        SummaryDirectory loaded = SummaryDirectory.load(file, "trading");

        assertThat(loaded.height()).isEqualTo(5);
        assertThat(loaded.size()).isEqualTo(195);
        assertThat(loaded.digest()).isEqualTo(dir.digest());
        DirectoryQuery q = DirectoryQuery.parse(Map.of("path", "wind/*/North", "sort", "-price", "limit", "7"));
        assertThat(loaded.query(q)).isEqualTo(dir.query(q));
        assertThat(loaded.browse(java.util.List.of("*"))).isEqualTo(dir.browse(java.util.List.of("*")));
        // the global orders are bulk-built on load: every sort over everything, page by page, is the same
        for (String sort : java.util.List.of("id", "price", "-price", "from", "-from")) {
            DirectoryQuery all = DirectoryQuery.parse(Map.of("sort", sort, "limit", "13"));
            DirectoryPage a = loaded.query(all);
            DirectoryPage b = dir.query(all);
            assertThat(a).as(sort).isEqualTo(b);
            while (b.nextCursor() != null) {
                a = loaded.query(all.after(a.nextCursor()));
                b = dir.query(all.after(b.nextCursor()));
                assertThat(a).as(sort).isEqualTo(b);
            }
        }
        try (var files = Files.list(tmp)) {
            assertThat(files).containsExactly(file);
        }
        // it keeps following the chain from where the snapshot was taken
        blocks.publish(Listings.simple("D2/after", "G1"));
        var next = blocks.cut();
        loaded.apply(next);
        dir.apply(next);
        assertThat(loaded.digest()).isEqualTo(dir.digest());
    }

    @Test
    void savingAgainReplacesTheFile() throws IOException {
        Path file = tmp.resolve("directory.snap");
        dir.save(file);
        blocks.publish(Listings.simple("D2/after", "G1"));
        dir.apply(blocks.cut());
        dir.save(file);
        assertThat(SummaryDirectory.load(file, "trading").digest()).isEqualTo(dir.digest());
    }

    @Test
    void theDigestCoversHeightAndContents() {
        SummaryDirectory other = SummaryDirectory.empty("trading");
        assertThat(other.digest()).isNotEqualTo(dir.digest());
        CatalogBlocks sameStart = new CatalogBlocks("trading");
        assertThat(SummaryDirectory.empty("trading").digest()).isEqualTo(other.digest());
        other.apply(sameStart.cut());
        assertThat(other.digest()).isNotEqualTo(SummaryDirectory.empty("trading").digest());
    }

    @Test
    void truncatedCorruptAndForeignSnapshotsAreRefusedClearly() throws IOException {
        Path file = tmp.resolve("directory.snap");
        dir.save(file);
        byte[] good = Files.readAllBytes(file);

        Path truncated = tmp.resolve("truncated");
        Files.write(truncated, Arrays.copyOf(good, good.length / 2));
        assertThatThrownBy(() -> SummaryDirectory.load(truncated, "trading"))
                .isInstanceOf(CorruptSnapshotException.class).hasMessageContaining("truncated");

        Path noChecksum = tmp.resolve("no-checksum");
        Files.write(noChecksum, Arrays.copyOf(good, good.length - 1));
        assertThatThrownBy(() -> SummaryDirectory.load(noChecksum, "trading"))
                .isInstanceOf(CorruptSnapshotException.class).hasMessageContaining("truncated");

        byte[] flipped = good.clone();
        int price = indexOfLast(flipped, "https://") - 20;
        flipped[price] ^= 0x01;
        Path corrupt = tmp.resolve("corrupt");
        Files.write(corrupt, flipped);
        assertThatThrownBy(() -> SummaryDirectory.load(corrupt, "trading"))
                .isInstanceOf(CorruptSnapshotException.class).hasMessageContaining("corrupt: checksum");

        byte[] trailing = Arrays.copyOf(good, good.length + 1);
        Path extra = tmp.resolve("extra");
        Files.write(extra, trailing);
        assertThatThrownBy(() -> SummaryDirectory.load(extra, "trading"))
                .isInstanceOf(CorruptSnapshotException.class).hasMessageContaining("after the checksum");

        assertThatThrownBy(() -> SummaryDirectory.load(file, "other"))
                .isInstanceOf(CorruptSnapshotException.class).hasMessageContaining("chain trading");
        Path notSnapshot = tmp.resolve("text");
        Files.writeString(notSnapshot, "hello, this is not a snapshot");
        assertThatThrownBy(() -> SummaryDirectory.load(notSnapshot, "trading"))
                .isInstanceOf(CorruptSnapshotException.class);
    }

    private static int indexOfLast(byte[] b, String s) {
        byte[] p = s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        outer:
        for (int i = b.length - p.length; i >= 0; i--) {
            for (int j = 0; j < p.length; j++) {
                if (b[i + j] != p[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError(s + " not found");
    }
}
