package org.energychain.ledger.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.energychain.crypto.Hex;
import org.energychain.crypto.sign.PublicKey;
import org.energychain.ledger.genesis.NodeInfo;
import org.energychain.ledger.genesis.Roster;
import org.energychain.ledger.genesis.Validator;
import org.junit.jupiter.api.Test;

/** Golden vectors of docs/network.md ("Roster", "Roster change"), computed by docs/reference/recompute.py. */
class RosterGoldenVectorsTest {
    static byte[] filled(int n, int b) {
        byte[] out = new byte[n];
        Arrays.fill(out, (byte) b);
        return out;
    }

    static final NodeInfo NODE = new NodeInfo("G1-2", "G1", new PublicKey("Ed25519", filled(32, 0x11)), filled(3, 0x22),
            "127.0.0.1:7000", "");

    @Test
    void addingANode() {
        RosterChange c = RosterChange.add(NODE, 1);
        assertThat(Hex.encode(c.encode())).isEqualTo("0000001345432f726f737465722d6368616e67652f7631000000036164640000000447312d320000000247310000000745643235353139000000201111111111111111111111111111111111111111111111111111111111111111000000032222220000000e3132372e302e302e313a37303030000000000000000000000001");
        assertThat(RosterChange.decode(c.encode())).isEqualTo(c);
    }

    @Test
    void removingANode() {
        assertThat(Hex.encode(RosterChange.remove("PLAT-2").encode()))
                .isEqualTo("0000001345432f726f737465722d6368616e67652f76310000000672656d6f766500000006504c41542d32");
    }

    @Test
    void aRosterFromItsFirstHeight() {
        RosterAt at = new RosterAt(5, new Roster(List.of(NODE), List.of(new Validator("G1-2", 1))));
        assertThat(Hex.encode(at.encode())).isEqualTo("0000000f45432f726f737465722d61742f76310000000000000005000000010000000447312d320000000247310000000745643235353139000000201111111111111111111111111111111111111111111111111111111111111111000000032222220000000e3132372e302e302e313a3730303000000000000000010000000447312d320000000000000001");
        assertThat(RosterAt.decode(at.encode())).isEqualTo(at);
    }
}
