package org.energychain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.energychain.cli.common.ExitCodes;
import org.junit.jupiter.api.Test;

/**
 * An internal error (exit 3) tells the user in one line and logs its stack trace at ERROR to stderr,
 * where the logs go (logback.xml), without secrets; stdout stays clean.
 */
class InternalErrorTest {
    @Test
    void theStackTraceOfAnInternalErrorReachesStderr() throws Exception {
        // nothing listens on port 1: opening the PostgreSQL store fails, an internal error
        ProcessBuilder pb = new ProcessBuilder(NodeProcess.javaBin(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "verify", "--db-url", "jdbc:postgresql://127.0.0.1:1/ec");
        pb.environment().remove("ENERGYCHAIN_LOG");
        pb.environment().put("ENERGYCHAIN_DB_PASSWORD", "pw-that-must-not-be-logged");
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).as(err).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(out).isEmpty();
        assertThat(err).contains("ERROR").contains("energychain verify: internal error")
                .containsPattern("\\tat org\\.energychain\\.supervision\\.store\\.\\w+\\.")
                .contains("Caused by: ")
                .doesNotContain("pw-that-must-not-be-logged");
        List<String> lines = err.lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines.get(lines.size() - 1)).startsWith("energychain verify: internal error (stack trace logged): ")
                .contains("127.0.0.1:1");
    }
}
