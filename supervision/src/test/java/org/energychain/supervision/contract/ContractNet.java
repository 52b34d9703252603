package org.energychain.supervision.contract;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.energychain.crypto.CryptoSuite;
import org.energychain.crypto.sign.KeyPair;
import org.energychain.ledger.Chain;
import org.energychain.ledger.contract.ContractException;
import org.energychain.ledger.contract.ContractRegistry;
import org.energychain.ledger.exec.Receipt;
import org.energychain.ledger.exec.Submission;
import org.energychain.ledger.genesis.ChainLimits;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.genesis.Member;
import org.energychain.ledger.genesis.NodeInfo;
import org.energychain.ledger.genesis.Role;
import org.energychain.ledger.genesis.Validator;
import org.energychain.ledger.store.InMemoryChainStore;
import org.energychain.ledger.tx.Transaction;

/**
 * A small network in memory for the contract tests: the group {@code group} (GROUP, the validator), a
 * second group {@code G2}, the regulator {@code reg} and a platform {@code plat}, on a business chain
 * {@code business-<group>} running period-anchor and the {@code regulatory} chain running
 * regulatory-filing. Blocks are cut by hand, one per submission; block time advances one second per block.
 */
final class ContractNet implements AutoCloseable {
    static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
    static final String G2 = "G2";
    static final String REG = "reg";
    static final String PLAT = "plat";

    final CryptoSuite suite;
    final String group;
    final Map<String, KeyPair> keys = new LinkedHashMap<>();
    final Map<String, Member> members = new LinkedHashMap<>();
    final Chain business;
    final Chain regulatory;
    private final Map<String, Long> nonces = new HashMap<>();

    ContractNet(CryptoSuite suite, String group) {
        this.suite = suite;
        this.group = group;
        SecureRandom rnd = new SecureRandom(new byte[] {7});
        add(group, Role.GROUP, rnd);
        add(G2, Role.GROUP, rnd);
        add(REG, Role.REGULATOR, rnd);
        add(PLAT, Role.PLATFORM, rnd);
        ContractRegistry contracts = new ContractRegistry().register(new PeriodAnchorContract())
                .register(new RegulatoryFilingContract());
        business = chain("business-" + group.toLowerCase(java.util.Locale.ROOT), PeriodAnchorContract.NAME, contracts);
        regulatory = chain("regulatory", RegulatoryFilingContract.NAME, contracts);
    }

    private void add(String id, Role role, SecureRandom rnd) {
        KeyPair k = suite.signatures().generateKeyPair(rnd);
        keys.put(id, k);
        members.put(id, new Member(id, EnumSet.of(role), k.publicKey()));
    }

    private Chain chain(String id, String contract, ContractRegistry contracts) {
        Genesis g = new Genesis(id, suite.name(), true, T0, List.copyOf(members.values()),
                List.of(NodeInfo.solo(group + "-node", group, keys.get(group).publicKey())), List.of(new Validator(group + "-node", 10)), List.of(contract),
                new ChainLimits(100, 1 << 20, 64 << 10, 1000, Duration.ofMillis(50)));
        return new Chain(g, new InMemoryChainStore(g), contracts, group + "-node", keys.get(group).privateKey(), new StepClock());
    }

    /** Signs and offers a transaction; the nonce advances only when the chain accepts it. */
    Submission offer(Chain chain, String sender, String method, byte[] args) {
        String contract = chain.genesis().contracts().get(0);
        String nk = chain.id() + "/" + sender;
        long nonce = nonces.getOrDefault(nk, 0L);
        Submission s = chain.submit(Transaction.sign(chain.id(), sender, nonce, contract, method, args,
                suite.signatures(), keys.get(sender).privateKey()));
        if (s.accepted()) {
            nonces.put(nk, nonce + 1);
        }
        return s;
    }

    /** Offers, cuts a block and returns the committed receipt (whatever its result code). */
    Receipt submit(Chain chain, String sender, String method, byte[] args) {
        Submission s = offer(chain, sender, method, args);
        if (!s.accepted()) {
            throw new AssertionError("not admitted: " + s.rejection());
        }
        chain.cutBlock();
        try {
            return s.receipt().get(5, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("no receipt for " + method, e);
        }
    }

    byte[] query(Chain chain, String caller, String method, byte[] args) throws ContractException {
        return chain.query(chain.genesis().contracts().get(0), method, args, members.get(caller));
    }

    @Override
    public void close() {
        business.close();
        regulatory.close();
    }

    /** Advances one second on every reading, so each block has its own time. */
    static final class StepClock extends Clock {
        private long seconds;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public synchronized Instant instant() {
            return T0.plusSeconds(++seconds);
        }
    }
}
