package org.energychain.supervision.contract;

import java.util.List;
import java.util.Locale;
import org.energychain.crypto.CryptoSuite;
import org.energychain.ledger.Chain;
import org.energychain.ledger.contract.ContractException;
import org.energychain.ledger.exec.Receipt;
import org.energychain.ledger.exec.Submission;
import org.energychain.ledger.testkit.ContractChain;

/**
 * The supervision contracts' network on the ledger's test kit: the group {@code group} (GROUP, the
 * validator), a second group {@code G2}, the regulator {@code reg} and a platform {@code plat}, on a
 * business chain {@code business-<group>} running period-anchor and the {@code regulatory} chain
 * running regulatory-filing, over the same members and keys. One block per submission; block time
 * advances one second per reading of each chain's clock.
 */
final class ContractNet implements AutoCloseable {
    static final String G2 = "G2";
    static final String REG = "reg";
    static final String PLAT = "plat";

    final Chain business;
    final Chain regulatory;
    private final ContractChain businessNet;
    private final ContractChain regulatoryNet;

    ContractNet(CryptoSuite suite, String group) {
        ContractChain.Builder b = ContractChain.builder().suite(suite).seed(7)
                .member(group, SupervisionRoles.GROUP).member(G2, SupervisionRoles.GROUP)
                .member(REG, SupervisionRoles.REGULATOR).member(PLAT, "platform")
                .contract(new PeriodAnchorContract()).contract(new RegulatoryFilingContract());
        businessNet = b.build("business-" + group.toLowerCase(Locale.ROOT), List.of(PeriodAnchorContract.NAME));
        regulatoryNet = b.build("regulatory", List.of(RegulatoryFilingContract.NAME));
        business = businessNet.chain;
        regulatory = regulatoryNet.chain;
    }

    private ContractChain net(Chain chain) {
        return chain == business ? businessNet : regulatoryNet;
    }

    /** Signs and offers a transaction; the nonce advances only when the chain accepts it. */
    Submission offer(Chain chain, String sender, String method, byte[] args) {
        return net(chain).offer(sender, method, args);
    }

    /** Offers, cuts a block and returns the committed receipt (whatever its result code). */
    Receipt submit(Chain chain, String sender, String method, byte[] args) {
        return net(chain).submit(sender, method, args);
    }

    byte[] query(Chain chain, String caller, String method, byte[] args) throws ContractException {
        return net(chain).query(caller, method, args);
    }

    @Override
    public void close() {
        businessNet.close();
        regulatoryNet.close();
    }
}
