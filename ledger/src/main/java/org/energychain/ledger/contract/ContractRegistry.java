package org.energychain.ledger.contract;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The contracts a node knows by name; a chain runs those its genesis lists. */
public final class ContractRegistry {
    private final Map<String, Contract> byName = new LinkedHashMap<>();

    public ContractRegistry register(Contract c) {
        if (byName.putIfAbsent(c.name(), c) != null) {
            throw new IllegalArgumentException("contract " + c.name() + " registered twice");
        }
        return this;
    }

    public Optional<Contract> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public java.util.Set<String> names() {
        return byName.keySet();
    }
}
