package org.energychain.ledger.genesis;

import java.util.Map;

/** The ledger's test roles ({@code writer}, {@code reader}), declared through the class path like a domain module's. */
public final class TestRoles implements RoleCatalog {
    public static final String WRITER = "writer";
    public static final String READER = "reader";

    @Override
    public Map<String, String> roles() {
        return Map.of(WRITER, "may write the test key-value contract", READER, "a member that may only read");
    }
}
