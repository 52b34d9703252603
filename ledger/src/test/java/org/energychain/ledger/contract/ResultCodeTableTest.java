package org.energychain.ledger.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.energychain.ledger.testkit.ResultCodeTable;
import org.energychain.ledger.testkit.ResultCodeTable.Row;
import org.energychain.ledger.tx.ResultCode;
import org.junit.jupiter.api.Test;

/**
 * The one table of result codes (docs/ledger.md): the shared rows are {@link CommonCodes}, every code is
 * there once, and each contract module's own codes lie in a hundred of its own above the shared range.
 * Each module's codes test holds its codes class equal to its rows, so together the contracts' codes
 * are distinct outside the shared range.
 */
class ResultCodeTableTest {
    @Test
    void theSharedRowsAreTheCommonCodes() {
        Map<String, Integer> common = new LinkedHashMap<>(ResultCodeTable.declared(CommonCodes.class));
        common.remove("FIRST");
        common.remove("LAST");
        assertThat(ResultCodeTable.rowsOf("all")).containsExactlyEntriesOf(common);
        assertThat(common.values()).allMatch(c -> c >= CommonCodes.FIRST && c <= CommonCodes.LAST);
        assertThat(ResultCodeTable.rowsOf("ledger")).containsExactly(Map.entry("OK", ResultCode.OK),
                Map.entry("CONTRACT_FAULT", ResultCode.CONTRACT_FAULT));
    }

    @Test
    void everyCodeIsInTheTableOnceAndEachContractHasAHundredOfItsOwn() {
        List<Row> rows = ResultCodeTable.rows();
        assertThat(rows).hasSizeGreaterThan(20);
        Set<Integer> codes = new HashSet<>();
        Map<String, Integer> hundreds = new HashMap<>();
        for (Row r : rows) {
            assertThat(codes.add(r.code())).as("code %d appears twice", r.code()).isTrue();
            if (r.contract().equals("ledger") || r.contract().equals("all")) {
                continue;
            }
            assertThat(r.code()).as(r.toString()).isGreaterThan(CommonCodes.LAST);
            Integer h = hundreds.putIfAbsent(r.contract(), r.code() / 100);
            assertThat(h == null ? r.code() / 100 : h).as("%s outside its contract's hundred", r).isEqualTo(r.code() / 100);
        }
        assertThat(hundreds.keySet()).containsExactlyInAnyOrder("supervision", "catalog", "market", "negotiation",
                "validators");
        assertThat(new HashSet<>(hundreds.values())).as("one hundred per contract").hasSize(hundreds.size());
    }
}
