package org.energychain.supervision.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The production store: the same schema and contract as {@link SqliteOffChainStore} on PostgreSQL,
 * for a data centre that already runs it (backups, replication, concurrent imports of different
 * periods). Pass a pooled {@link DataSource} in production, or a JDBC URL.
 *
 * <p>Imports of the same group and period range are serialised with a transaction-scoped advisory
 * lock, so two concurrent corrections get versions n+1 and n+2 rather than a conflict.
 */
public final class PostgresOffChainStore extends JdbcOffChainStore {
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final String location;
    private final boolean ownsDataSource;

    /**
     * Opens the store in the database behind {@code dataSource} and migrates its schema.
     *
     * @param description where it is, for messages and logs (must not contain a password)
     */
    public PostgresOffChainStore(DataSource dataSource, String description) {
        this(dataSource, description, false);
    }

    private PostgresOffChainStore(DataSource dataSource, String description, boolean ownsDataSource) {
        this.ownsDataSource = ownsDataSource;
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.location = "PostgreSQL store " + description;
        try (Connection c = connect()) {
            SchemaMigrator.migrate(c, "postgresql", location,
                    "LOCK TABLE schema_version IN SHARE ROW EXCLUSIVE MODE");
        } catch (SQLException e) {
            throw translate("opening", e);
        }
    }

    /**
     * Opens the store at a JDBC URL such as {@code jdbc:postgresql://db:5432/energychain?user=ec&password=...}.
     * Batched inserts are rewritten into multi-row inserts unless the URL says otherwise.
     */
    public static PostgresOffChainStore open(String jdbcUrl) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(jdbcUrl);
        if (!jdbcUrl.contains("reWriteBatchedInserts")) {
            ds.setReWriteBatchedInserts(true);
        }
        return new PostgresOffChainStore(ds, ds.getServerNames()[0] + ":" + ds.getPortNumbers()[0] + "/"
                + ds.getDatabaseName(), true);
    }

    @Override
    Connection connect() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    String location() {
        return location;
    }

    @Override
    void lockPeriod(Connection c, String groupId, long startDay, long endDay) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            ps.setLong(1, ((long) groupId.hashCode() << 32) ^ (startDay * 31 + endDay));
            ps.execute();
        }
    }

    @Override
    boolean isUniqueViolation(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if (UNIQUE_VIOLATION.equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Closes the data source only if {@link #open} created it; a caller's pool stays the caller's. */
    @Override
    public void close() {
        if (ownsDataSource && dataSource instanceof AutoCloseable a) {
            try {
                a.close();
            } catch (Exception e) {
                throw new StoreException(StoreException.Kind.DATABASE, "closing " + location + ": " + e, e);
            }
        }
    }
}
