package org.energychain.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The stored password hash: scrypt with a random salt, checked in constant time, read strictly. */
class ConsolePasswordTest {
    @Test
    void theHashMatchesItsPasswordOnlyAndEachHashHasItsOwnSalt() {
        String stored = ConsolePassword.hash("s3cret pass", 1 << 10);
        assertThat(stored).startsWith("scrypt$1024$8$1$").doesNotContain("s3cret");
        ConsolePassword p = ConsolePassword.parse(stored);
        assertThat(p.matches("s3cret pass")).isTrue();
        assertThat(p.matches("s3cret pas")).isFalse();
        assertThat(p.matches("x".repeat(ConsolePassword.MAX_PASSWORD_CHARS + 1))).isFalse();
        assertThat(ConsolePassword.hash("s3cret pass", 1 << 10)).isNotEqualTo(stored);
    }

    @Test
    void aHashThatIsNotTheToolsOutputIsRefusedSayingWhy() {
        assertThatThrownBy(() -> ConsolePassword.parse("hunter2")).hasMessageContaining("scrypt$N$r$p$salt$hash");
        assertThatThrownBy(() -> ConsolePassword.parse("scrypt$3000$8$1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA"))
                .hasMessageContaining("power of two");
        assertThatThrownBy(() -> ConsolePassword.parse("scrypt$1024$8$1$!!$aGFzaA")).hasMessageContaining("base64url");
    }
}
