package org.energychain.ledger.testkit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.energychain.ledger.contract.TxContext;

/**
 * A contract's view of the chain as plain maps, for calling a contract directly, without blocks (the
 * decoder and refusal tests). Writes go to {@link #state}; other contracts' state is {@link #others}.
 */
public final class MemoryContext implements TxContext {
    public final SortedMap<String, byte[]> state = new TreeMap<>();
    /** Other contracts' state by contract name then key. */
    public final Map<String, SortedMap<String, byte[]>> others = new TreeMap<>();
    public final List<String> events = new ArrayList<>();
    private final String sender;
    private final Set<String> roles;
    private final Instant time;

    public MemoryContext(String sender, Set<String> roles, Instant time) {
        this.sender = sender;
        this.roles = Set.copyOf(roles);
        this.time = time;
    }

    @Override
    public String chainId() {
        return "test-chain";
    }

    @Override
    public org.energychain.ledger.genesis.Genesis genesis() {
        throw new UnsupportedOperationException("a MemoryContext has no genesis; run the contract on a ContractChain");
    }

    @Override
    public long blockHeight() {
        return 1;
    }

    @Override
    public Instant blockTime() {
        return time;
    }

    @Override
    public byte[] get(String key) {
        return state.get(key);
    }

    @Override
    public byte[] read(String contract, String key) {
        SortedMap<String, byte[]> s = others.get(contract);
        return s == null ? null : s.get(key);
    }

    @Override
    public SortedMap<String, byte[]> scan(String prefix, int limit) {
        SortedMap<String, byte[]> out = new TreeMap<>();
        for (Map.Entry<String, byte[]> e : state.tailMap(prefix).entrySet()) {
            if (!e.getKey().startsWith(prefix) || out.size() >= limit) {
                break;
            }
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    @Override
    public String txId() {
        return "00".repeat(32);
    }

    @Override
    public String sender() {
        return sender;
    }

    @Override
    public Set<String> senderRoles() {
        return roles;
    }

    @Override
    public void put(String key, byte[] value) {
        state.put(key, value.clone());
    }

    @Override
    public void delete(String key) {
        state.remove(key);
    }

    @Override
    public void emit(String type, byte[] data) {
        events.add(type);
    }
}
