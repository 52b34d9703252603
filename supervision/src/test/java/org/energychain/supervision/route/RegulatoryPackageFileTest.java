package org.energychain.supervision.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.energychain.crypto.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a filing reads of a D2 package file: its dataset count, only from the package it declares. */
class RegulatoryPackageFileTest {
    private static final byte[] HASH_D2 = new byte[32];

    @TempDir
    Path dir;

    @Test
    void theDatasetsOfThePackageAreCounted() throws Exception {
        Path f = pkg(Hex.encode(HASH_D2), "[{\"id\":\"a\"},{\"id\":\"b\"}]");

        assertThat(RegulatoryPackageFile.datasetCount(f, HASH_D2)).isEqualTo(2);
    }

    @Test
    void thePackageOfAnotherIngestIsRefused() throws Exception {
        byte[] other = new byte[32];
        other[0] = 1;
        Path f = pkg(Hex.encode(other), "[]");

        assertThatThrownBy(() -> RegulatoryPackageFile.datasetCount(f, HASH_D2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the D2 package " + f + " has hashD2");
    }

    @Test
    void aPackageWithoutDatasetsIsRefused() throws Exception {
        Path f = pkg(Hex.encode(HASH_D2), "{}");

        assertThatThrownBy(() -> RegulatoryPackageFile.datasetCount(f, HASH_D2))
                .hasMessage("the D2 package " + f + " has no datasets array");
    }

    private Path pkg(String hashD2, String datasets) throws Exception {
        Path f = dir.resolve("d2.json");
        Files.writeString(f, "{\"format\":\"energychain-d2/v1\",\"hashD2\":\"" + hashD2 + "\",\"datasets\":" + datasets
                + "}");
        return f;
    }
}
