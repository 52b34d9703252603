package org.energychain.supervision.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on SQLite, plus what only a file can get wrong. */
class SqliteOffChainStoreTest extends OffChainStoreContract {
    @TempDir
    Path dir;

    Path file() {
        return dir.resolve("store.db");
    }

    @Override
    OffChainStore newStore() {
        return new SqliteOffChainStore(file());
    }

    @Override
    Connection rawConnection() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file());
    }

    @Test
    void aFileThatIsNotADatabaseIsReportedAsCorrupt() throws IOException {
        Files.writeString(file(), "this is not a database, just some text that is long enough to fill a header ".repeat(20));
        assertThatThrownBy(this::openStore).isInstanceOf(StoreException.class)
                .hasMessageContaining(file().toString()).hasMessageContaining("not a SQLite database")
                .satisfies(e -> assertThat(((StoreException) e).kind()).isEqualTo(StoreException.Kind.CORRUPT));
    }

    @Test
    void theFileIsInWalModeWithFullSync() throws SQLException {
        OffChainStore store = openStore();
        importPeriod(store, JAN1, 1, List.of("p1"), 1, List.of());
        try (Connection c = rawConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
        }
        try (Connection c = ((SqliteOffChainStore) store).connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA synchronous")) {
            rs.next();
            assertThat(rs.getInt(1)).as("FULL").isEqualTo(2);
        }
    }

    @Test
    void aDirectoryIsNotAStore() {
        assertThatThrownBy(() -> new SqliteOffChainStore(dir)).isInstanceOf(StoreException.class)
                .hasMessageContaining("is a directory");
    }
}
