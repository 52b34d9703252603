package org.energychain.ledger.exec;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.energychain.ledger.contract.TxContext;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.state.Overlay;
import org.energychain.ledger.state.StateReader;
import org.energychain.ledger.state.WriteSet;
import org.energychain.ledger.store.StorageException;
import org.energychain.ledger.tx.Event;
import org.jspecify.annotations.Nullable;

/** A contract's view: its own namespace ({@code <contract>/<key>}) of an overlay, plus the call's facts. */
final class ContractContext implements TxContext {
    private final Genesis genesis;
    private final String namespace;
    private final StateReader reader;
    private final Overlay overlay;
    private final long height;
    private final Instant time;
    private final String txId;
    private final String sender;
    private final Set<String> roles;
    private final List<Event> events = new ArrayList<>();
    /** The first storage failure a read met, kept even if the contract swallows the exception. */
    private @Nullable StorageException storageFault;

    ContractContext(Genesis genesis, String contract, StateReader reader, Overlay overlay, long height, Instant time,
            String txId, String sender, Set<String> roles) {
        this.genesis = genesis;
        this.namespace = contract + "/";
        this.reader = reader;
        this.overlay = overlay;
        this.height = height;
        this.time = time;
        this.txId = txId;
        this.sender = sender;
        this.roles = roles;
    }

    @Override
    public String chainId() {
        return genesis.chainId();
    }

    @Override
    public Genesis genesis() {
        return genesis;
    }

    @Override
    public long blockHeight() {
        return height;
    }

    @Override
    public Instant blockTime() {
        return time;
    }

    @Override
    public byte[] get(String key) {
        return read(namespace + key);
    }

    private byte[] read(String fullKey) {
        try {
            return reader.get(fullKey);
        } catch (StorageException e) {
            if (storageFault == null) {
                storageFault = e;
            }
            throw e;
        }
    }

    /** Throws the storage failure a read of this call met, if any. */
    void rethrowStorageFault() {
        if (storageFault != null) {
            throw storageFault;
        }
    }

    @Override
    public byte[] read(String contract, String key) {
        if (contract.isEmpty() || contract.indexOf('/') >= 0) {
            throw new IllegalArgumentException("bad contract name '" + contract + "'");
        }
        return read(contract + "/" + key);
    }

    @Override
    public SortedMap<String, byte[]> scan(String prefix, int limit) {
        TreeMap<String, byte[]> out = new TreeMap<>(WriteSet::compareUtf8);
        SortedMap<String, byte[]> found;
        try {
            found = reader.scan(namespace + prefix, limit);
        } catch (StorageException e) {
            if (storageFault == null) {
                storageFault = e;
            }
            throw e;
        }
        for (Map.Entry<String, byte[]> e : found.entrySet()) {
            out.put(e.getKey().substring(namespace.length()), e.getValue());
        }
        return out;
    }

    @Override
    public String txId() {
        if (txId == null) {
            throw new IllegalStateException("a query has no transaction");
        }
        return txId;
    }

    @Override
    public String sender() {
        if (sender == null) {
            throw new IllegalStateException("a query has no sender");
        }
        return sender;
    }

    @Override
    public Set<String> senderRoles() {
        return roles;
    }

    @Override
    public void put(String key, byte[] value) {
        writable().put(namespace + key, value);
    }

    @Override
    public void delete(String key) {
        writable().delete(namespace + key);
    }

    @Override
    public void emit(String type, byte[] data) {
        writable();
        events.add(new Event(type, data));
    }

    List<Event> events() {
        return events;
    }

    private Overlay writable() {
        if (overlay == null) {
            throw new IllegalStateException("queries cannot change state");
        }
        return overlay;
    }
}
