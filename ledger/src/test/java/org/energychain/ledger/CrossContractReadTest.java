package org.energychain.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.energychain.crypto.CryptoSuites;
import org.energychain.ledger.block.Block;
import org.energychain.ledger.contract.Contract;
import org.energychain.ledger.contract.ContractException;
import org.energychain.ledger.contract.ContractRegistry;
import org.energychain.ledger.contract.MethodSpec;
import org.energychain.ledger.contract.QueryContext;
import org.energychain.ledger.contract.TxContext;
import org.energychain.ledger.genesis.ChainLimits;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.genesis.Member;
import org.energychain.ledger.genesis.Validator;
import org.energychain.ledger.store.InMemoryChainStore;
import org.energychain.ledger.tx.Transaction;
import org.junit.jupiter.api.Test;

/**
 * A contract reads another contract's state (read-only) and sees it as of the block being built,
 * including writes of earlier transactions in the same block; its own writes stay in its namespace.
 */
class CrossContractReadTest {
    /** copy "k": reads kv's k and stores it under its own k; refuses when kv has no k. */
    static final class Mirror implements Contract {
        @Override
        public String name() {
            return "mirror";
        }

        @Override
        public Map<String, MethodSpec> methods() {
            return Map.of("copy", MethodSpec.submit(), "get", MethodSpec.query());
        }

        @Override
        public void submit(TxContext ctx, String method, byte[] args) throws ContractException {
            String k = new String(args, StandardCharsets.UTF_8);
            byte[] v = ctx.read("kv", k);
            if (v == null) {
                throw new ContractException(101, "kv has no " + k);
            }
            ctx.put(k, v);
        }

        @Override
        public byte[] query(QueryContext ctx, String method, byte[] args) {
            byte[] v = ctx.get(new String(args, StandardCharsets.UTF_8));
            return v == null ? new byte[0] : v;
        }
    }

    @Test
    void readsTheOtherContractsStateIncludingEarlierTransactionsOfTheSameBlock() throws Exception {
        TestNetwork net = new TestNetwork(CryptoSuites.SHA256_ED25519, 100);
        Genesis g = new Genesis("two-contracts", net.suite.name(), false, TestNetwork.T0,
                List.of(new Member("g1", Set.of("writer"), net.group.publicKey())), List.of(TestNetwork.soloNode("n1", "g1", net.node)), List.of(new Validator("n1", 10)),
                List.of("kv", "mirror"), new ChainLimits(100, 1 << 20, 4096, 1000, Duration.ofMillis(50)));
        ContractRegistry contracts = new ContractRegistry().register(new TestNetwork.KvContract()).register(new Mirror());
        Chain chain = new Chain(g, new InMemoryChainStore(g), contracts, "n1", net.node.privateKey(),
                Clock.fixed(TestNetwork.T0.plusSeconds(60), ZoneOffset.UTC));
        chain.submit(tx(net, g, 0, "kv", "put", "a=1"));
        chain.submit(tx(net, g, 1, "mirror", "copy", "a"));
        chain.submit(tx(net, g, 2, "mirror", "copy", "missing"));
        Block b = chain.cutBlock().orElseThrow();
        assertThat(b.results()).extracting(r -> r.code()).containsExactly(0, 0, 101);
        Member g1 = g.member("g1").orElseThrow();
        assertThat(new String(chain.query("mirror", "get", "a".getBytes(StandardCharsets.UTF_8), g1),
                StandardCharsets.UTF_8)).isEqualTo("1");
        assertThat(chain.query("kv", "get", "missing".getBytes(StandardCharsets.UTF_8), g1)).isEmpty();
        assertThat(chain.store().get("mirror/a")).isEqualTo("1".getBytes(StandardCharsets.UTF_8));
        assertThat(chain.store().get("kv/a")).isEqualTo("1".getBytes(StandardCharsets.UTF_8));
    }

    private static Transaction tx(TestNetwork net, Genesis g, long nonce, String contract, String method, String arg) {
        return Transaction.sign(g.chainId(), "g1", nonce, contract, method, arg.getBytes(StandardCharsets.UTF_8),
                net.suite.signatures(), net.group.privateKey());
    }
}
