package org.energychain.supervision.store;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where a group's off-chain store is, as a command line ({@code --db}, {@code --db-url}) or a node's
 * configuration names it: an embedded SQLite file, or a PostgreSQL JDBC URL whose password comes from the
 * environment ({@value #PASSWORD_ENV}, else {@code PGPASSWORD}), never from the command line or a
 * configuration file, so that it shows in no process list, file or log.
 *
 * @param sqliteFile the SQLite file; null for PostgreSQL
 * @param postgresUrl the JDBC URL ({@code jdbc:postgresql://...}); null for SQLite
 */
public record OffChainLocation(@Nullable Path sqliteFile, @Nullable String postgresUrl) {
    /** The environment variable holding the PostgreSQL password. */
    public static final String PASSWORD_ENV = "ENERGYCHAIN_DB_PASSWORD";

    public OffChainLocation {
        if ((sqliteFile == null) == (postgresUrl == null)) {
            throw new IllegalArgumentException("an off-chain store is either a SQLite file or a PostgreSQL URL");
        }
        if (postgresUrl != null && !postgresUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("a PostgreSQL store's URL starts with jdbc:postgresql:, got '"
                    + describe(postgresUrl) + "'");
        }
    }

    public static OffChainLocation sqlite(Path file) {
        return new OffChainLocation(Objects.requireNonNull(file, "file"), null);
    }

    public static OffChainLocation postgres(String url) {
        return new OffChainLocation(null, Objects.requireNonNull(url, "url"));
    }

    /**
     * Opens the store (a SQLite file is created if absent); the PostgreSQL password is taken from {@code env}
     * unless the URL has one.
     */
    public OffChainStore open(Map<String, String> env) {
        if (postgresUrl == null) {
            return new SqliteOffChainStore(Objects.requireNonNull(sqliteFile));
        }
        String url = postgresUrl;
        String password = env.getOrDefault(PASSWORD_ENV, env.get("PGPASSWORD"));
        if (password != null && !url.contains("password=")) {
            url += (url.contains("?") ? "&" : "?") + "password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        }
        return PostgresOffChainStore.open(url);
    }

    /** For messages: where the store is, without credentials. */
    public String describe() {
        return postgresUrl != null ? describe(postgresUrl) : String.valueOf(sqliteFile);
    }

    private static String describe(String url) {
        return url.replaceAll("password=[^&]*", "password=***");
    }

    @Override
    public String toString() {
        return "OffChainLocation[" + describe() + "]";
    }
}
