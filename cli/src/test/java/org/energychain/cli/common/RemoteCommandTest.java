package org.energychain.cli.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import org.energychain.cli.Cli;
import org.junit.jupiter.api.Test;

/**
 * Every command that calls a node is a {@link RemoteCommand}: an unreachable node is exit 3 with a one-line
 * message naming the command as the user typed it, top-level or a subcommand.
 */
class RemoteCommandTest {
    @Test
    void anUnreachableNodeNamesTheCommandAsTyped() throws Exception {
        String url;
        try (ServerSocket s = new ServerSocket(0)) {
            url = "http://127.0.0.1:" + s.getLocalPort(); // closed again: nothing listens there
        }
        Cli filings = Cli.run("filings", "--pending", "--url", url, "--chain", "regulatory");
        assertThat(filings.exit()).as(filings.toString()).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(filings.err()).startsWith("energychain filings: ");

        Cli status = Cli.run("chain", "status", "--url", url, "--chain", "regulatory");
        assertThat(status.exit()).as(status.toString()).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(status.err()).startsWith("energychain chain status: ");

        Cli balance = Cli.run("market", "balance", "--account", "B1", "--url", url, "--chain", "trading");
        assertThat(balance.exit()).as(balance.toString()).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(balance.err()).startsWith("energychain market balance: ");
    }
}
