package org.energychain.cli.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.energychain.cli.Cli;
import org.energychain.supervision.store.EmbeddedPostgresSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same flow as on SQLite, with the off-chain store in PostgreSQL ({@code --db-url}). */
class PostgresCliTest {
    @TempDir
    Path dir;

    @Test
    void ingestProveVerifyAndAuditWorkOnPostgres() throws Exception {
        EmbeddedPostgres pg = EmbeddedPostgresSupport.shared();
        String name = "cli" + ProcessHandle.current().pid();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        String url = pg.getJdbcUrl("postgres", name);
        Path data = dir.resolve("data");
        assertThat(Cli.run("generate", "--out", data.toString(), "--plants", "3", "--days", "2", "--quiet").exit()).isZero();
        Cli ingest = Cli.run("ingest", "--group", data.resolve("group.yaml").toString(), "--mapping",
                data.resolve("mapping.yaml").toString(), "--from", "2026-01-01", "--to", "2026-01-02", "--db-url", url,
                "--out", dir.resolve("out").toString(), "--json", "--quiet", data.resolve("readings").toString());
        assertThat(ingest.exit()).as(ingest.toString()).isZero();
        JsonNode j = ingest.json();
        String plant = j.get("plants").get(1).get("id").asText();
        Cli prove = Cli.run("prove", "--plant", plant, "--day", "2026-01-02", "--reading", "11", "--db-url", url, "--json");
        assertThat(prove.exit()).as(prove.toString()).isZero();
        Path proof = dir.resolve("proof.json");
        Files.writeString(proof, prove.out());
        assertThat(Cli.run("verify", "--proof", proof.toString(), "--root", j.get("groupRoot").asText()).exit()).isZero();
        assertThat(Cli.run("verify", "--db-url", url).exit()).isZero();
        try (Connection c = pg.getDatabase("postgres", name).getConnection(); Statement s = c.createStatement()) {
            assertThat(s.executeUpdate("UPDATE reading SET value = '7' WHERE ctid IN (SELECT ctid FROM reading LIMIT 1)"))
                    .isEqualTo(1);
        }
        Cli audit = Cli.run("verify", "--db-url", url);
        assertThat(audit.exit()).as(audit.toString()).isEqualTo(1);
        assertThat(audit.out()).contains("do not hash to the committed daily root");
    }
}
