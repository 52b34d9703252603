package org.energychain.ledger.order;

import java.time.Clock;
import org.energychain.ledger.Chain;
import org.energychain.ledger.store.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node orders alone: a block is cut as soon as a full block of executable transactions is pending,
 * or when the longest-waiting executable transaction has waited the chain's block interval. Transactions
 * behind a nonce gap never make a block due, so the orderer sleeps until something can run. After a
 * storage failure it retries with a growing pause (1 s to 30 s) until the chain's store works again.
 *
 * <p>Only for a chain with one validator: on a chain with several, two nodes ordering alone would fork
 * without a word, so such a chain needs the replicated orderer. One thread per chain; time from the
 * chain's clock.
 */
public final class SoloOrderer extends OrdererLoop {
    private static final Logger LOG = LoggerFactory.getLogger(SoloOrderer.class);
    private static final long MIN_BACKOFF_MILLIS = 1_000;
    private static final long MAX_BACKOFF_MILLIS = 30_000;

    private final Chain chain;
    private final Clock clock;
    private final long intervalMillis;
    private final int fullBlock;

    /** What the orderer does next, from the mempool's state and the time. */
    public record Step(boolean cut, long waitMillis) {
        static final Step CUT = new Step(true, 0);
    }

    /** @throws IllegalArgumentException if the chain has more than one validator */
    public SoloOrderer(Chain chain) {
        super("orderer-" + solo(chain).id());
        this.chain = chain;
        this.clock = chain.clock();
        this.intervalMillis = Math.max(1, chain.genesis().limits().blockInterval().toMillis());
        this.fullBlock = chain.genesis().limits().maxBlockTxs();
        chain.onReady(this::wake);
    }

    private static Chain solo(Chain chain) {
        if (chain.genesis().validators().size() != 1) {
            throw new IllegalArgumentException("chain " + chain.id() + " has " + chain.genesis().validators().size()
                    + " validators: a solo orderer would fork it; it needs the replicated orderer of a network");
        }
        return chain;
    }

    /**
     * Cut now if a full block is ready or the oldest executable transaction has waited the interval;
     * otherwise wait until it will have (or, with nothing executable, until woken).
     */
    public static Step next(int ready, long oldestReadyMillis, long nowMillis, int fullBlock, long intervalMillis) {
        if (ready >= fullBlock) {
            return Step.CUT;
        }
        if (ready == 0 || oldestReadyMillis < 0) {
            return new Step(false, Long.MAX_VALUE);
        }
        long waited = nowMillis - oldestReadyMillis;
        return waited >= intervalMillis ? Step.CUT : new Step(false, intervalMillis - waited);
    }

    @Override
    protected void loop() {
        long backoff = MIN_BACKOFF_MILLIS;
        while (running()) {
            try {
                if (!chain.health().isOk()) {
                    if (chain.readyCount() > 0) {
                        chain.cutBlock();
                    } else {
                        chain.probe();
                    }
                    backoff = MIN_BACKOFF_MILLIS;
                    continue;
                }
                Step s = next(chain.readyCount(), chain.oldestReadyMillis(), clock.millis(), fullBlock, intervalMillis);
                if (s.cut()) {
                    if (chain.cutBlock().isEmpty()) {
                        // nothing fits a block (cannot happen with sane limits): do not spin
                        pause(intervalMillis);
                    }
                    backoff = MIN_BACKOFF_MILLIS;
                    continue;
                }
                // with nothing executable, sleep until woken; a bounded wait keeps a lost signal harmless
                pause(Math.min(s.waitMillis(), 1_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (StorageException e) {
                LOG.warn("chain={} storage still failing ({}); retrying in {} ms", chain.id(), e.getMessage(), backoff);
                backoff = sleepBackoff(backoff);
            } catch (RuntimeException | Error e) {
                LOG.error("chain={} orderer failed to cut a block; retrying in {} ms", chain.id(), backoff, e);
                backoff = sleepBackoff(backoff);
            }
        }
    }

    private long sleepBackoff(long backoff) {
        pauseQuietly(backoff);
        return Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
    }
}
