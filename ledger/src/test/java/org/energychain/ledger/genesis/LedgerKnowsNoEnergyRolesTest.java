package org.energychain.ledger.genesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The ledger is domain-free: the energy roles are declared by the domain modules ({@link RoleCatalog}),
 * so no ledger class names one, neither as a type nor as a string.
 */
class LedgerKnowsNoEnergyRolesTest {
    /** The roles the domain modules declare (supervision, trading, dispatch), as constants and as strings. */
    private static final Pattern CONSTANT = Pattern.compile("\\b(GROUP|PLANT|REGULATOR|PLATFORM|BUYER|GRID|LOAD)\\b");
    private static final Pattern LITERAL = Pattern.compile(
            "\"(?i:group|plant|regulator|platform|buyer|grid|load)\"");

    @Test
    void theLedgerHasNoRoleType() {
        assertThatThrownBy(() -> Class.forName("org.energychain.ledger.genesis.Role"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void noLedgerSourceNamesAnEnergyRole() throws IOException {
        Path sources = Path.of("src/main/java/org/energychain/ledger");
        assertThat(sources).as("run from the ledger module's directory").isDirectory();
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String[] lines = Files.readString(f, StandardCharsets.UTF_8).split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    String code = lines[i].replaceFirst("^\\s*(\\*|//).*", "").replaceFirst("//.*", "");
                    for (Pattern p : new Pattern[] {CONSTANT, LITERAL}) {
                        Matcher m = p.matcher(code);
                        if (m.find()) {
                            found.add(f + ":" + (i + 1) + ": " + m.group());
                        }
                    }
                }
            }
        }
        assertThat(found).as("energy role names in ledger sources").isEmpty();
        assertThat(CONSTANT.matcher("MethodSpec.submit(Role.GROUP)").find()).as("the scan finds a constant").isTrue();
        assertThat(LITERAL.matcher("Set.of(\"Regulator\")").find()).as("the scan finds a string").isTrue();
    }
}
