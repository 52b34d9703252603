package org.energychain.trading.catalog;

import java.time.Instant;
import java.util.Map;
import org.energychain.crypto.CryptoSuite;
import org.energychain.crypto.sign.KeyPair;
import org.energychain.ledger.Chain;
import org.energychain.ledger.contract.ContractException;
import org.energychain.ledger.exec.Receipt;
import org.energychain.ledger.exec.Submission;
import org.energychain.ledger.genesis.Member;
import org.energychain.ledger.testkit.ContractChain;
import org.energychain.trading.TradingRoles;

/**
 * The catalogue's chain on the ledger's test kit: groups {@code G1} (the validator) and {@code G2}, a
 * buyer {@code B1} and the platform {@code P1}. Blocks are cut by hand; block time advances one second
 * per block.
 */
public final class TradingNet implements AutoCloseable {
    public static final String CHAIN = "trading";
    public static final Instant T0 = ContractChain.T0;

    public final CryptoSuite suite;
    public final Map<String, KeyPair> keys;
    public final Map<String, Member> members;
    public final Chain chain;
    private final ContractChain net;

    public TradingNet() {
        net = ContractChain.builder().seed(3).member("G1", TradingRoles.GROUP).member("G2", TradingRoles.GROUP)
                .member("B1", TradingRoles.BUYER).member("P1", TradingRoles.PLATFORM).contract(new CatalogContract())
                .build(CHAIN);
        suite = net.suite;
        keys = net.keys;
        members = net.members;
        chain = net.chain;
    }

    /** Signs and offers a transaction; the nonce advances only when the chain admits it. */
    public Submission offer(String sender, String method, byte[] args) {
        return net.offer(sender, method, args);
    }

    /** Offers, cuts a block and returns the committed receipt, whatever its result code. */
    public Receipt submit(String sender, String method, byte[] args) {
        return net.submit(sender, method, args);
    }

    public byte[] query(String caller, String method, byte[] args) throws ContractException {
        return net.query(caller, method, args);
    }

    @Override
    public void close() {
        net.close();
    }
}
