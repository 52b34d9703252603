package org.energychain.dispatch.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.energychain.ledger.contract.CommonCodes;
import org.energychain.ledger.testkit.MalformedArguments;
import org.energychain.ledger.testkit.ResultCodeTable;
import org.junit.jupiter.api.Test;

/**
 * {@link NegotiationCodes} is the table's (docs/ledger.md): its own codes are exactly the {@code negotiation} rows, the
 * others are shared codes under a name of its own. Arguments that do not decode are MALFORMED in every
 * method, never an exception escaping the contract, and an unknown method is UNKNOWN_METHOD.
 */
class NegotiationCodesTableTest {
    @Test
    void theCodesAreTheDocumentedOnes() {
        Map<String, Integer> own = new LinkedHashMap<>();
        ResultCodeTable.declared(NegotiationCodes.class).forEach((name, code) -> {
            if (code > CommonCodes.LAST) {
                own.put(name, code);
            } else {
                assertThat(ResultCodeTable.declared(CommonCodes.class)).as(name).containsValue(code);
            }
        });
        assertThat(own).containsExactlyEntriesOf(ResultCodeTable.rowsOf("negotiation"));
        assertThat(ResultCodeTable.declared(NegotiationCodes.class)).containsEntry("MALFORMED", CommonCodes.MALFORMED);
    }

    @Test
    void malformedArgumentsAreMalformedInEveryMethod() {
        // the four queries without arguments are skipped: they read no bytes
        MalformedArguments.assertRefusedAsMalformed(new NegotiationContract(), "p1", Set.of(DispatchRoles.PLANT),
                Set.of(NegotiationContract.OPEN_DEMANDS, NegotiationContract.CONFIG, NegotiationContract.GRID,
                        NegotiationContract.POLICIES));
    }

    @Test
    void anUnknownMethodIsRefusedWithTheSharedCode() {
        MalformedArguments.assertUnknownMethodRefused(new NegotiationContract());
    }
}
