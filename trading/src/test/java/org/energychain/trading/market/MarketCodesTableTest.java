package org.energychain.trading.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.energychain.ledger.contract.CommonCodes;
import org.energychain.ledger.testkit.MalformedArguments;
import org.energychain.ledger.testkit.ResultCodeTable;
import org.energychain.trading.TradingRoles;
import org.junit.jupiter.api.Test;

/**
 * {@link MarketCodes} is the table's (docs/ledger.md): its own codes are exactly the {@code market} rows, the
 * others are shared codes under a name of its own. Arguments that do not decode are MALFORMED in every
 * method, never an exception escaping the contract, and an unknown method is UNKNOWN_METHOD.
 */
class MarketCodesTableTest {
    @Test
    void theCodesAreTheDocumentedOnes() {
        Map<String, Integer> own = new LinkedHashMap<>();
        ResultCodeTable.declared(MarketCodes.class).forEach((name, code) -> {
            if (code > CommonCodes.LAST) {
                own.put(name, code);
            } else {
                assertThat(ResultCodeTable.declared(CommonCodes.class)).as(name).containsValue(code);
            }
        });
        assertThat(own).containsExactlyEntriesOf(ResultCodeTable.rowsOf("market"));
        assertThat(ResultCodeTable.declared(MarketCodes.class)).containsEntry("MALFORMED", CommonCodes.MALFORMED);
    }

    @Test
    void malformedArgumentsAreMalformedInEveryMethod() {
        // the two queries without arguments are skipped: they read no bytes
        MalformedArguments.assertRefusedAsMalformed(new MarketContract(), "b1", Set.of(TradingRoles.BUYER),
                Set.of(MarketContract.SUPPLY, MarketContract.CONFIG));
    }

    @Test
    void anUnknownMethodIsRefusedWithTheSharedCode() {
        MalformedArguments.assertUnknownMethodRefused(new MarketContract());
    }
}
