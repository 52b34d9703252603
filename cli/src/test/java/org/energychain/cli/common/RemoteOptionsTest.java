package org.energychain.cli.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.energychain.cli.Cli;
import org.junit.jupiter.api.Test;

/** Where a command's node addresses come from: --url (repeated, comma-separated), ENERGYCHAIN_URLS, the default. */
class RemoteOptionsTest {
    @Test
    void urlsAreRepeatableAndCommaSeparatedInOrder() {
        assertThat(RemoteOptions.urls(List.of("http://a:1", " http://b:2/", "https://c"), Map.of()))
                .containsExactly(URI.create("http://a:1"), URI.create("http://b:2"), URI.create("https://c"));
        Cli help = Cli.run("chain", "status", "--help");
        assertThat(help.out()).contains("ENERGYCHAIN_URLS");
    }

    @Test
    void withoutUrlTheEnvironmentThenTheDefault() {
        Map<String, String> env = Map.of(RemoteOptions.URLS_ENV, "http://n1:8645, http://n2:8645");
        assertThat(RemoteOptions.urls(null, env)).containsExactly(URI.create("http://n1:8645"), URI.create("http://n2:8645"));
        assertThat(RemoteOptions.urls(List.of("http://given:1"), env)).containsExactly(URI.create("http://given:1"));
        assertThat(RemoteOptions.urls(null, Map.of())).containsExactly(URI.create("http://127.0.0.1:8645"));
        assertThat(RemoteOptions.urls(List.of(), Map.of(RemoteOptions.URLS_ENV, " "))).containsExactly(RemoteOptions.DEFAULT_URL);
    }

    @Test
    void aBadAddressIsBadInputNamingWhereItCameFrom() {
        assertThatThrownBy(() -> RemoteOptions.urls(null, Map.of(RemoteOptions.URLS_ENV, "http://n1:8645,,http://n2")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ENERGYCHAIN_URLS: an empty node address");
        assertThatThrownBy(() -> RemoteOptions.urls(null, Map.of(RemoteOptions.URLS_ENV, "n1:8645")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ENERGYCHAIN_URLS: not a node address")
                .hasMessageContaining("'n1:8645'");
        assertThatThrownBy(() -> RemoteOptions.urls(List.of("http://a b"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--url: not a URL: 'http://a b'");
        Cli c = Cli.run("chain", "status", "--url", "ftp://x", "--chain", "pub");
        assertThat(c.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(c.err()).contains("--url: not a node address");
    }
}
