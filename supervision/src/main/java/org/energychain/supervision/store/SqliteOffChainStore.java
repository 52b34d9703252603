package org.energychain.supervision.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.sqlite.SQLiteConfig;

/**
 * The embedded default: the whole off-chain store in one SQLite file, nothing to install.
 *
 * <p>Durability: WAL journal with {@code synchronous=FULL}. An import is one transaction, so FULL
 * costs one extra fsync of the WAL per import, nothing measurable; in exchange a committed import
 * survives power loss and OS crashes, not only a crash of the JVM (which NORMAL would already cover).
 * WAL lets queries run while an import writes. Writers are serialised: an import holds SQLite's write
 * lock (transactions begin IMMEDIATE) until it commits, and other writers wait up to
 * {@link #BUSY_TIMEOUT_MS}.
 */
public final class SqliteOffChainStore extends JdbcOffChainStore {
    /** How long a writer waits for another writer's transaction (an import can take a while). */
    public static final int BUSY_TIMEOUT_MS = 300_000;
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_NOTADB = 26;
    private static final int SQLITE_CONSTRAINT = 19;

    private final Path file;
    private final String url;
    private final Properties properties;

    /**
     * Opens (creating if absent) the store in {@code file} and migrates its schema.
     *
     * @throws StoreException {@code CORRUPT} if the file is not a SQLite database,
     *                        {@code INCOMPATIBLE_SCHEMA} if it is another program's or a newer EnergyChain's
     */
    public SqliteOffChainStore(Path file) {
        this.file = file.toAbsolutePath();
        Path dir = this.file.getParent();
        try {
            if (dir != null) {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.DATABASE, "cannot create directory " + dir + ": " + e, e);
        }
        if (Files.isDirectory(this.file)) {
            throw new StoreException(StoreException.Kind.DATABASE, this.file + " is a directory, not a SQLite file");
        }
        this.url = "jdbc:sqlite:" + this.file;
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.setCacheSize(-65_536); // 64 MiB page cache per connection
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        config.setPageSize(8192); // only takes effect when the file is created
        this.properties = config.toProperties();
        try (Connection c = connect()) {
            SchemaMigrator.migrate(c, "sqlite", location(), null);
        } catch (SQLException e) {
            throw translate("opening", e);
        }
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    @Override
    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, properties);
    }

    @Override
    String location() {
        return "SQLite store " + file;
    }

    @Override
    void lockPeriod(Connection c, String groupId, long startDay, long endDay) {
        // the IMMEDIATE transaction already holds the database's single write lock
    }

    @Override
    boolean isUniqueViolation(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause() != null ? t.getCause()
                : t instanceof SQLException s ? s.getNextException() : null) {
            if (t instanceof SQLException s && (s.getErrorCode() & 0xff) == SQLITE_CONSTRAINT) {
                return true;
            }
            String m = t.getMessage();
            if (m != null && (m.contains("UNIQUE constraint failed") || m.contains("SQLITE_CONSTRAINT_PRIMARYKEY"))) {
                return true;
            }
        }
        return false;
    }

    @Override
    StoreException translate(String what, SQLException e) {
        int code = e.getErrorCode() & 0xff;
        String m = String.valueOf(e.getMessage());
        if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT || m.contains("SQLITE_NOTADB")
                || m.contains("SQLITE_CORRUPT")) {
            return new StoreException(StoreException.Kind.CORRUPT, what + " failed: " + file
                    + " is not a SQLite database or is damaged (" + m + ")", e);
        }
        return super.translate(what, e);
    }

    @Override
    public void close() {
        // connections are per operation; nothing stays open
    }
}
