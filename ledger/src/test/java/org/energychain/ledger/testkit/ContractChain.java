package org.energychain.ledger.testkit;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.energychain.crypto.CryptoSuite;
import org.energychain.crypto.CryptoSuites;
import org.energychain.crypto.sign.KeyPair;
import org.energychain.ledger.Chain;
import org.energychain.ledger.contract.Contract;
import org.energychain.ledger.contract.ContractException;
import org.energychain.ledger.contract.ContractRegistry;
import org.energychain.ledger.exec.Receipt;
import org.energychain.ledger.exec.Submission;
import org.energychain.ledger.genesis.ChainLimits;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.genesis.Member;
import org.energychain.ledger.genesis.NodeInfo;
import org.energychain.ledger.genesis.Validator;
import org.energychain.ledger.store.InMemoryChainStore;
import org.energychain.ledger.tx.Transaction;

/**
 * A chain in memory for contract tests, the one harness every module's tests share: members with keys,
 * one validator (a member's node), the contracts under test, block time on a {@link ManualClock}.
 * Blocks are cut by hand, one per {@link #submit}; nonces are tracked per sender and advance only when
 * the chain admits a transaction. Build it with {@link #builder()}; one builder can build several chains
 * over the same members and keys (a business chain and the regulatory chain, say).
 */
public final class ContractChain implements AutoCloseable {
    /** The genesis time of every test chain. */
    public static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");

    public final CryptoSuite suite;
    /** Each member's signing key, by member id. */
    public final Map<String, KeyPair> keys;
    public final Map<String, Member> members;
    public final Chain chain;
    public final Clock clock;
    private final String contract;
    private final Map<String, Long> nonces = new HashMap<>();

    private ContractChain(CryptoSuite suite, Map<String, KeyPair> keys, Map<String, Member> members, Chain chain,
            Clock clock, String contract) {
        this.contract = contract;
        this.suite = suite;
        this.keys = keys;
        this.members = members;
        this.chain = chain;
        this.clock = clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The chain's first contract as built: the one {@link #offer(String, String, byte[])} addresses. */
    public String contract() {
        return contract;
    }

    /** A transaction of {@code sender} with its next nonce, signed with its key. */
    public Transaction sign(String sender, String contract, String method, byte[] args) {
        long nonce = nonces.getOrDefault(sender, 0L);
        return Transaction.sign(chain.id(), sender, nonce, contract, method, args, suite.signatures(),
                keys.get(sender).privateKey());
    }

    /** Offers a signed transaction; the sender's nonce advances only when the chain admits it. */
    public Submission offer(Transaction tx) {
        Submission s = chain.submit(tx);
        if (s.accepted()) {
            nonces.put(tx.sender(), tx.nonce() + 1);
        }
        return s;
    }

    public Submission offer(String sender, String contract, String method, byte[] args) {
        return offer(sign(sender, contract, method, args));
    }

    /** Offers a call of the chain's first contract. */
    public Submission offer(String sender, String method, byte[] args) {
        return offer(sender, contract(), method, args);
    }

    /** Cuts a block and returns the admitted submission's committed receipt, whatever its result code. */
    public Receipt commit(Submission s, String what) {
        if (!s.accepted()) {
            throw new AssertionError("not admitted: " + what + ": " + s.rejection());
        }
        chain.cutBlock();
        try {
            return s.receipt().get(5, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("no receipt for " + what, e);
        }
    }

    /** Offers a call of the chain's first contract, cuts a block and returns the receipt. */
    public Receipt submit(String sender, String method, byte[] args) {
        return commit(offer(sender, method, args), method);
    }

    public Receipt submit(String sender, String contract, String method, byte[] args) {
        return commit(offer(sender, contract, method, args), contract + "/" + method);
    }

    /** A query of the chain's first contract as {@code caller}. */
    public byte[] query(String caller, String method, byte[] args) throws ContractException {
        return chain.query(contract(), method, args, members.get(caller));
    }

    @Override
    public void close() {
        chain.close();
    }

    /** Members, validator, contracts and clock of the chains to build. */
    public static final class Builder {
        private final Map<String, KeyPair> keys = new LinkedHashMap<>();
        private final Map<String, Member> members = new LinkedHashMap<>();
        private final ContractRegistry contracts = new ContractRegistry();
        private CryptoSuite suite = CryptoSuites.SHA256_ED25519;
        private SecureRandom random = new SecureRandom();
        private String validator = "";
        private Clock clock;

        private Builder() {
        }

        /** The crypto suite (default SHA-256 with Ed25519); set it before adding members. */
        public Builder suite(CryptoSuite s) {
            if (!members.isEmpty()) {
                throw new IllegalStateException("set the suite before adding members");
            }
            this.suite = s;
            return this;
        }

        /** Seeds the key generator (keys are generated as members are added). */
        public Builder seed(int seed) {
            this.random = new SecureRandom(new byte[] {(byte) seed});
            return this;
        }

        /** A member with a new key and the given roles; the first one is the validator unless told otherwise. */
        public Builder member(String id, String... roles) {
            KeyPair k = suite.signatures().generateKeyPair(random);
            keys.put(id, k);
            members.put(id, new Member(id, Set.of(roles), k.publicKey()));
            if (validator.isEmpty()) {
                validator = id;
            }
            return this;
        }

        /** The member whose node ({@code <id>-node}) orders and signs the blocks. */
        public Builder validator(String id) {
            if (!members.containsKey(id)) {
                throw new IllegalArgumentException("no member " + id);
            }
            this.validator = id;
            return this;
        }

        /** Registers a contract; {@link #build(String)} lists every registered one in the genesis, in this order. */
        public Builder contract(Contract c) {
            contracts.register(c);
            return this;
        }

        /** The clock of the chains built from now on (default: a new one per chain, ticking a second a reading from T0). */
        public Builder clock(Clock c) {
            this.clock = c;
            return this;
        }

        /** A chain {@code chainId} running every registered contract. */
        public ContractChain build(String chainId) {
            return build(chainId, List.copyOf(contracts.names()));
        }

        /** A chain {@code chainId} whose genesis lists {@code contractNames}; calls name the first unless told otherwise. */
        public ContractChain build(String chainId, List<String> contractNames) {
            if (contractNames.isEmpty()) {
                throw new IllegalArgumentException("a chain needs a contract");
            }
            KeyPair vk = keys.get(validator);
            if (vk == null) {
                throw new IllegalStateException("a chain needs at least one member");
            }
            String node = validator + "-node";
            Genesis g = new Genesis(chainId, suite.name(), true, T0, List.copyOf(members.values()),
                    List.of(NodeInfo.solo(node, validator, vk.publicKey())), List.of(new Validator(node, 10)),
                    contractNames, new ChainLimits(100, 1 << 20, 64 << 10, 1000, Duration.ofMillis(50)));
            Clock c = clock != null ? clock : ManualClock.ticking(T0, Duration.ofSeconds(1));
            Chain chain = new Chain(g, new InMemoryChainStore(g), contracts, node, vk.privateKey(), c);
            return new ContractChain(suite, Collections.unmodifiableMap(new LinkedHashMap<>(keys)),
                    Collections.unmodifiableMap(new LinkedHashMap<>(members)), chain, c, contractNames.get(0));
        }
    }
}
