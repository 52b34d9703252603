package org.energychain.cli.common;

import java.nio.file.Path;
import org.energychain.supervision.store.OffChainLocation;
import org.energychain.supervision.store.OffChainStore;
import picocli.CommandLine.Option;

/**
 * Where the group's off-chain store is: an embedded SQLite file (default) or a PostgreSQL JDBC URL.
 * The PostgreSQL password comes from the environment ({@code ENERGYCHAIN_DB_PASSWORD} or
 * {@code PGPASSWORD}), never from the command line, so it does not show in process lists or logs.
 */
public final class StoreOptions {
    @Option(names = "--db", paramLabel = "FILE", description = "SQLite store file (default: ${DEFAULT-VALUE}).",
            defaultValue = "energychain.db")
    Path db;

    @Option(names = "--db-url", paramLabel = "JDBC_URL",
            description = "PostgreSQL store instead of SQLite, e.g. jdbc:postgresql://localhost/energy?user=ec "
                    + "(password from ENERGYCHAIN_DB_PASSWORD).")
    String dbUrl;

    public OffChainStore open() {
        return location().open(System.getenv());
    }

    /** Where the options say the store is. */
    public OffChainLocation location() {
        return dbUrl != null ? OffChainLocation.postgres(dbUrl) : OffChainLocation.sqlite(db);
    }

    /** For messages: where the store is, without credentials. */
    public String describe() {
        return location().describe();
    }
}
