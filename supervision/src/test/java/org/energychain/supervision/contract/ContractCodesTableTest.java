package org.energychain.supervision.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.energychain.ledger.contract.CommonCodes;
import org.energychain.ledger.testkit.MalformedArguments;
import org.energychain.ledger.testkit.ResultCodeTable;
import org.junit.jupiter.api.Test;

/**
 * {@link ContractCodes} is the table's (docs/ledger.md): its own codes are exactly the {@code supervision} rows, the
 * others are shared codes under a name of its own. Arguments that do not decode are MALFORMED in every
 * method, never an exception escaping the contract, and an unknown method is UNKNOWN_METHOD.
 */
class ContractCodesTableTest {
    @Test
    void theCodesAreTheDocumentedOnes() {
        Map<String, Integer> own = new LinkedHashMap<>();
        ResultCodeTable.declared(ContractCodes.class).forEach((name, code) -> {
            if (code > CommonCodes.LAST) {
                own.put(name, code);
            } else {
                assertThat(ResultCodeTable.declared(CommonCodes.class)).as(name).containsValue(code);
            }
        });
        assertThat(own).containsExactlyEntriesOf(ResultCodeTable.rowsOf("supervision"));
        assertThat(ResultCodeTable.declared(ContractCodes.class)).containsEntry("MALFORMED", CommonCodes.MALFORMED);
    }

    @Test
    void malformedArgumentsAreMalformedInEveryMethod() {
        MalformedArguments.assertRefusedAsMalformed(new PeriodAnchorContract(), "G1", Set.of(SupervisionRoles.GROUP),
                Set.of());
        MalformedArguments.assertRefusedAsMalformed(new RegulatoryFilingContract(), "G1", Set.of(SupervisionRoles.GROUP),
                Set.of());
    }

    @Test
    void anUnknownMethodIsRefusedWithTheSharedCode() {
        MalformedArguments.assertUnknownMethodRefused(new PeriodAnchorContract());
        MalformedArguments.assertUnknownMethodRefused(new RegulatoryFilingContract());
    }
}
