package org.energychain.ledger;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.energychain.crypto.CryptoSuite;
import org.energychain.crypto.sign.KeyPair;
import org.energychain.ledger.contract.Contract;
import org.energychain.ledger.contract.ContractException;
import org.energychain.ledger.contract.ContractRegistry;
import org.energychain.ledger.contract.MethodSpec;
import org.energychain.ledger.contract.QueryContext;
import org.energychain.ledger.contract.TxContext;
import org.energychain.ledger.genesis.ChainLimits;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.genesis.Member;
import org.energychain.ledger.genesis.NodeInfo;
import org.energychain.ledger.genesis.Validator;
import org.energychain.ledger.store.ChainStore;
import org.energychain.ledger.tx.Transaction;

/** A small chain for tests: members "g1" (role writer, validator) and "reg" (role reader), and a key-value contract. */
public final class TestNetwork {
    public static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
    public final CryptoSuite suite;
    public final KeyPair group;
    public final KeyPair regulator;
    public final KeyPair outsider;
    /** The consensus key of node n1 (of g1), the chain's one validator. */
    public final KeyPair node;
    public final Genesis genesis;
    public final ContractRegistry contracts = new ContractRegistry().register(new KvContract());

    public TestNetwork(CryptoSuite suite, int maxBlockTxs) {
        this.suite = suite;
        SecureRandom rnd = new SecureRandom(new byte[] {1});
        group = suite.signatures().generateKeyPair(rnd);
        regulator = suite.signatures().generateKeyPair(rnd);
        outsider = suite.signatures().generateKeyPair(rnd);
        node = suite.signatures().generateKeyPair(rnd);
        genesis = new Genesis("test-chain", suite.name(), true, T0,
                List.of(new Member("g1", Set.of("writer"), group.publicKey()),
                        new Member("reg", Set.of("reader"), regulator.publicKey())),
                List.of(soloNode("n1", "g1", node)), List.of(new Validator("n1", 10)), List.of("kv"),
                new ChainLimits(maxBlockTxs, 1 << 20, 4096, 10_000, Duration.ofMillis(50)));
    }

    public Chain chain(ChainStore store) {
        return new Chain(genesis, store, contracts, "n1", node.privateKey(), Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC));
    }

    /** A node of {@code org} with consensus key {@code key}, for a chain ordered by it alone. */
    public static NodeInfo soloNode(String id, String org, KeyPair key) {
        return new NodeInfo(id, org, key.publicKey(), null, "", "");
    }

    public Transaction tx(String sender, KeyPair key, long nonce, String method, String arg) {
        return Transaction.sign(genesis.chainId(), sender, nonce, "kv", method, arg.getBytes(StandardCharsets.UTF_8),
                suite.signatures(), key.privateKey());
    }

    /** put "k=v" (writers only), fail "why" (always refuses), careful-read "k" (refuses on any error), get "k" (query). */
    public static final class KvContract implements Contract {
        @Override
        public String name() {
            return "kv";
        }

        @Override
        public Map<String, MethodSpec> methods() {
            return Map.of("put", MethodSpec.submit("writer"), "fail", MethodSpec.submit(),
                    "careful-read", MethodSpec.submit(), "get", MethodSpec.query());
        }

        @Override
        public void submit(TxContext ctx, String method, byte[] args) throws ContractException {
            String a = new String(args, StandardCharsets.UTF_8);
            switch (method) {
                case "put" -> {
                    String[] kv = a.split("=", 2);
                    ctx.put(kv[0], kv[1].getBytes(StandardCharsets.UTF_8));
                    ctx.emit("put", args);
                }
                case "fail" -> {
                    ctx.put("should-not-stay", args);
                    throw new ContractException(101, "refused: " + a);
                }
                case "careful-read" -> {
                    // a contract that turns any failure into a refusal: storage faults must still not reach a block
                    try {
                        ctx.get(a);
                    } catch (RuntimeException e) {
                        throw new ContractException(102, "could not read " + a + ": " + e.getMessage());
                    }
                }
                default -> throw new ContractException("no method " + method);
            }
        }

        @Override
        public byte[] query(QueryContext ctx, String method, byte[] args) {
            byte[] v = ctx.get(new String(args, StandardCharsets.UTF_8));
            return v == null ? new byte[0] : v;
        }
    }

    static Set<String> roles(String... r) {
        return Set.of(r);
    }
}
