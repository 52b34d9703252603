package org.energychain.supervision.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a database to the schema this code expects, on open. Scripts are
 * {@code db/<dialect>/V<n>__<name>.sql} on the class path, listed in {@link #SCRIPTS} (a jar cannot
 * be listed reliably; a test checks the list against the directory). Each script runs in its own
 * transaction and is recorded in {@code schema_version} with its SHA-256, so re-opening is a no-op,
 * an edited script is detected, and a database written by newer code is refused rather than misread.
 *
 * <p>Why not Flyway: two dialects and plain SQL scripts need ~100 lines; Flyway would add a
 * dependency tree, start-up cost and a per-release question of which databases it ships support for.
 */
final class SchemaMigrator {
    /** The migration scripts in order; version n is element n-1. Never edit or remove one; add a new one. */
    static final List<String> SCRIPTS = List.of("V1__init.sql");

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);

    private SchemaMigrator() {
    }

    /** The schema version this code writes. */
    static int latestVersion() {
        return SCRIPTS.size();
    }

    /**
     * Migrates the database behind {@code c} (which must be in auto-commit mode) to the latest version.
     *
     * @param dialect  resource directory: {@code sqlite} or {@code postgresql}
     * @param location the database, for messages
     * @param lockSql  a statement that serialises concurrent migrators inside the transaction, or null
     */
    static void migrate(Connection c, String dialect, String location, @Nullable String lockSql) throws SQLException {
        if (!hasTable(c, "schema_version")) {
            List<String> foreign = userTables(c);
            if (!foreign.isEmpty()) {
                throw new StoreException(StoreException.Kind.INCOMPATIBLE_SCHEMA, location
                        + " holds tables " + foreign + " but no schema_version table: not an EnergyChain off-chain store");
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                        + "script TEXT NOT NULL, sha256 TEXT NOT NULL, applied_at BIGINT NOT NULL)");
            }
        }
        c.setAutoCommit(false);
        try {
            if (lockSql != null) {
                try (Statement s = c.createStatement()) {
                    s.execute(lockSql);
                }
            }
            TreeMap<Integer, String> applied = new TreeMap<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT version, sha256 FROM schema_version")) {
                while (rs.next()) {
                    applied.put(rs.getInt(1), rs.getString(2));
                }
            }
            if (!applied.isEmpty() && applied.lastKey() > latestVersion()) {
                throw new StoreException(StoreException.Kind.INCOMPATIBLE_SCHEMA, location + " has schema version "
                        + applied.lastKey() + ", newer than the " + latestVersion()
                        + " this EnergyChain supports; upgrade EnergyChain to open it");
            }
            c.commit();
            for (int v = 1; v <= latestVersion(); v++) {
                String script = SCRIPTS.get(v - 1);
                String text = load(dialect, script);
                String sha = sha256(text);
                String done = applied.get(v);
                if (done != null) {
                    if (!done.equals(sha)) {
                        throw new StoreException(StoreException.Kind.INCOMPATIBLE_SCHEMA, location + ": migration "
                                + script + " was applied with checksum " + done + " but the script now has " + sha
                                + "; released migration scripts must never change");
                    }
                    continue;
                }
                if (lockSql != null) {
                    try (Statement s = c.createStatement()) {
                        s.execute(lockSql);
                    }
                }
                if (isApplied(c, v)) { // another process migrated while we waited for the lock
                    c.commit();
                    continue;
                }
                try (Statement s = c.createStatement()) {
                    for (String sql : statements(text)) {
                        s.execute(sql);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO schema_version (version, script, sha256, applied_at) VALUES (?, ?, ?, ?)")) {
                    ps.setInt(1, v);
                    ps.setString(2, script);
                    ps.setString(3, sha);
                    ps.setLong(4, System.currentTimeMillis());
                    ps.executeUpdate();
                }
                c.commit();
                LOG.info("store {}: applied migration {}", location, script);
            }
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static boolean isApplied(Connection c, int v) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM schema_version WHERE version = ?")) {
            ps.setInt(1, v);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static boolean hasTable(Connection c, String name) throws SQLException {
        return userTables(c).contains(name);
    }

    private static List<String> userTables(Connection c) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        List<String> names = new ArrayList<>();
        String schema = c.getSchema();
        try (ResultSet rs = md.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String n = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!n.startsWith("sqlite_")) {
                    names.add(n);
                }
            }
        }
        return names;
    }

    static String load(String dialect, String script) {
        String path = "db/" + dialect + "/" + script;
        try (InputStream in = SchemaMigrator.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("migration script " + path + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration script " + path, e);
        }
    }

    /** Splits a script into statements: drops {@code --} comment lines, splits on {@code ;}. */
    static List<String> statements(String script) {
        StringBuilder sb = new StringBuilder();
        for (String line : script.split("\n")) {
            if (!line.strip().startsWith("--")) {
                sb.append(line).append('\n');
            }
        }
        List<String> out = new ArrayList<>();
        for (String s : sb.toString().split(";")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
