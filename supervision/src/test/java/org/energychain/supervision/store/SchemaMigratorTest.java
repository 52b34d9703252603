package org.energychain.supervision.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SchemaMigratorTest {

    private static List<String> scriptsIn(String dialect) throws IOException, URISyntaxException {
        Path dir = Path.of(SchemaMigrator.class.getClassLoader().getResource("db/" + dialect).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql"))
                    .sorted((a, b) -> Integer.compare(version(a), version(b))).toList();
        }
    }

    private static int version(String script) {
        return Integer.parseInt(script.substring(1, script.indexOf("__")));
    }

    @Test
    void everyScriptOnDiskIsListedInOrderForBothDialects() throws Exception {
        assertThat(scriptsIn("sqlite")).isEqualTo(SchemaMigrator.SCRIPTS);
        assertThat(scriptsIn("postgresql")).isEqualTo(SchemaMigrator.SCRIPTS);
        for (int i = 0; i < SchemaMigrator.SCRIPTS.size(); i++) {
            assertThat(version(SchemaMigrator.SCRIPTS.get(i))).isEqualTo(i + 1);
        }
    }

    @Test
    void bothDialectsCreateTheSameTables() {
        for (String script : SchemaMigrator.SCRIPTS) {
            assertThat(tables(SchemaMigrator.load("postgresql", script)))
                    .isEqualTo(tables(SchemaMigrator.load("sqlite", script)));
        }
    }

    private static List<String> tables(String sql) {
        return SchemaMigrator.statements(sql).stream().filter(s -> s.startsWith("CREATE"))
                .map(s -> s.substring(0, s.indexOf('(')).strip()).toList();
    }

    @Test
    void statementsDropCommentsAndSplitOnSemicolons() {
        assertThat(SchemaMigrator.statements("-- a comment; with a semicolon\nCREATE TABLE a (x INT);\n\n"
                + "  -- another\nCREATE INDEX i ON a (x);\n")).containsExactly("CREATE TABLE a (x INT)",
                "CREATE INDEX i ON a (x)");
    }
}
