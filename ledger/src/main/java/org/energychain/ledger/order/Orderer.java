package org.energychain.ledger.order;

/**
 * Decides when a chain cuts its next block. The solo orderer cuts by size or time on one node; the
 * weighted BFT orderer (later) cuts what validators agree on. Chains, contracts and APIs do not change
 * when the orderer does.
 */
public interface Orderer extends AutoCloseable {
    void start();

    @Override
    void close();
}
