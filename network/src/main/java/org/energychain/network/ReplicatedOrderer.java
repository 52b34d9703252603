package org.energychain.network;

import java.time.Clock;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.energychain.ledger.Chain;
import org.energychain.ledger.block.Block;
import org.energychain.ledger.exec.ExecutedBlock;
import org.energychain.ledger.finality.SignGuard;
import org.energychain.ledger.order.SoloOrderer;
import org.energychain.ledger.store.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Orders a replicated chain: while this node leads the chain's Raft group and has applied everything
 * committed, it cuts blocks with the solo orderer's rules (a full block, or the oldest executable
 * transaction waited the block interval), signs them and appends them to the log; one proposal at a time,
 * so each builds on the last applied block. A block it proposed at a height is proposed again unchanged if
 * it leads that height again (the sign guard), so it never signs two blocks at one height. Followers do
 * nothing here: they apply what the log delivers.
 */
final class ReplicatedOrderer extends org.energychain.ledger.order.OrdererLoop {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicatedOrderer.class);

    private final Chain chain;
    private final RaftClient client;
    private final SignGuard guard;
    private final Faults faults;
    private final BooleanSupplier leading;
    private final Clock clock;
    private final long intervalMillis;
    private final int fullBlock;

    /** @param leading whether this node leads the group and has applied every committed entry */
    ReplicatedOrderer(Chain chain, RaftClient client, SignGuard guard, BooleanSupplier leading, Faults faults) {
        super("orderer-" + chain.id());
        this.chain = chain;
        this.faults = faults;
        this.client = client;
        this.guard = guard;
        this.leading = leading;
        this.clock = chain.clock();
        this.intervalMillis = Math.max(1, chain.genesis().limits().blockInterval().toMillis());
        this.fullBlock = chain.genesis().limits().maxBlockTxs();
        chain.onReady(this::wake);
    }

    @Override
    protected void loop() {
        long backoff = 200;
        while (running()) {
            try {
                if (!leading.getAsBoolean() || !chain.health().isOk()) {
                    pause(200);
                    continue;
                }
                SoloOrderer.Step s = SoloOrderer.next(chain.readyCount(), chain.oldestReadyMillis(), clock.millis(),
                        fullBlock, intervalMillis);
                if (!s.cut()) {
                    pause(Math.min(s.waitMillis(), 200));
                    continue;
                }
                Optional<Block> b = proposal();
                if (b.isEmpty()) {
                    pause(intervalMillis);
                    continue;
                }
                RaftClientReply reply = client.io().send(Message.valueOf(ByteString.copyFrom(
                        new LogEntry(LogEntry.Kind.BLOCK, faults.proposal.apply(b.get()).encode()).encode())));
                if (!reply.isSuccess()) {
                    LOG.info("chain={} height={} proposal not committed: {}", chain.id(), b.get().height(),
                            reply.getException() == null ? "no reason" : reply.getException().getMessage());
                    pause(backoff);
                    backoff = Math.min(backoff * 2, 5_000);
                } else {
                    backoff = 200;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (StorageException e) {
                LOG.warn("chain={} cannot propose: storage failure ({})", chain.id(), e.getMessage());
                pauseQuietly(backoff);
                backoff = Math.min(backoff * 2, 30_000);
            } catch (Exception | Error e) {
                if (!running()) {
                    return;
                }
                LOG.warn("chain={} proposing failed; retrying in {} ms", chain.id(), backoff, e);
                pauseQuietly(backoff);
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
    }

    /** The block to propose at the next height: the one this node already signed there, or a new one. */
    private Optional<Block> proposal() {
        long height = chain.store().height() + 1;
        Optional<byte[]> earlier = guard.proposal(height);
        if (earlier.isPresent()) {
            Block b = Block.decode(earlier.get(), chain.genesis().cryptoSuite().hash().digestLength());
            if (java.util.Arrays.equals(b.header().previousHash(), chain.store().height() == 0
                    ? chain.genesis().hash()
                    : chain.store().block(height - 1).orElseThrow().header().hash(chain.genesis().cryptoSuite().hash()))) {
                return Optional.of(b);
            }
        }
        Optional<ExecutedBlock> e = chain.propose();
        if (e.isEmpty()) {
            return Optional.empty();
        }
        byte[] encoded = e.get().block().encode();
        if (earlier.isPresent()) {
            // the block signed earlier at this height no longer links (cannot happen: heights link to one chain)
            LOG.error("chain={} height={} refusing to sign a second block at this height", chain.id(), height);
            return Optional.empty();
        }
        guard.recordProposal(height, encoded);
        return Optional.of(e.get().block());
    }
}
