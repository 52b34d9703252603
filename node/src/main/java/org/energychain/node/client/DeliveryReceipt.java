package org.energychain.node.client;

import java.net.URI;
import org.energychain.trading.market.BadDeliveryException;
import org.energychain.trading.market.DeliveryCheck;
import org.energychain.trading.market.DeliveryPackage;
import org.energychain.trading.market.TradeState;

/**
 * The buyer's side of a delivery before it confirms receipt, one path for {@code energychain market
 * receive} and the web console: the sealed package is fetched from the seller's delivery endpoint as the
 * listing names it (or taken as the buyer got it by other means) and checked against the delivery the
 * seller committed on chain ({@link DeliveryCheck#beforeReceipt}). The endpoint is the seller's word, so
 * only a delivery path of the trading chain is fetched ({@link DeliveryEndpoint}: anything else is refused
 * before a request is signed), the request is addressed to the trade's seller as the chain records it, and
 * no more is read than the trade's package can be ({@link DeliveryPackage#encodedSize}), within a deadline.
 */
public final class DeliveryReceipt {
    /** Why no package was taken. */
    public enum Problem {
        /** The listing's endpoint is not a delivery path of the chain: nothing was signed or sent. */
        ENDPOINT,
        /** The seller's node did not hand a package over: unreachable, too slow, or it refused. */
        SELLER,
        /** What came is not the package the seller committed on chain, or longer than that package can be. */
        PACKAGE
    }

    /** No package taken: the problem and a message naming what is wrong. */
    public static final class NotReceived extends Exception {
        private static final long serialVersionUID = 1L;
        private final Problem problem;

        NotReceived(Problem problem, String message, Throwable cause) {
            super(message, cause);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    /** A package that is what the chain records for its trade, and its encoding (to keep). */
    public record Received(DeliveryPackage pkg, byte[] bytes) {
    }

    /** How the package is fetched: a signed GET of the trade's package under a delivery endpoint. */
    @FunctionalInterface
    public interface Fetch {
        /**
         * The answer of at most {@code maxBytes} to the request for the trade's package under {@code endpoint}.
         *
         * @throws NodeClientException when there is none (unreachable, too slow, too long, refused)
         */
        byte[] get(URI endpoint, long maxBytes);
    }

    private DeliveryReceipt() {
    }

    /** The length of trade {@code t}'s package: the most a buyer reads of what a seller sends for it. */
    public static long packageBytes(TradeState t) {
        return DeliveryPackage.encodedSize(t.hash(), t.tradeId(), t.sizeBytes());
    }

    /**
     * Fetches trade {@code t}'s package on {@code chain} from {@code endpoint} (the listing's) with
     * {@code fetch}, reading at most {@code maxBytes} (normally {@link #packageBytes}), and checks it.
     *
     * @throws NotReceived naming what is wrong: the endpoint, the seller's node, or the package
     */
    public static Received fetch(String chain, TradeState t, String endpoint, long maxBytes, Fetch fetch)
            throws NotReceived {
        URI uri;
        try {
            uri = URI.create(endpoint);
            DeliveryEndpoint.resolve(uri, chain, t.tradeId());
        } catch (IllegalArgumentException e) {
            throw new NotReceived(Problem.ENDPOINT, String.valueOf(e.getMessage()), e);
        }
        byte[] bytes;
        try {
            bytes = fetch.get(uri, maxBytes);
        } catch (NodeClientException e) {
            boolean tooLong = "TOO_LARGE".equals(e.code());
            throw new NotReceived(tooLong ? Problem.PACKAGE : Problem.SELLER, (e.status() == 0 ? ""
                    : "the seller's node answered " + e.status() + " " + e.code() + ": ") + e.getMessage(), e);
        }
        return check(t, bytes);
    }

    /**
     * Takes {@code bytes} as trade {@code t}'s package only if they decode as one and it is what the chain
     * records for the trade.
     *
     * @throws NotReceived ({@link Problem#PACKAGE}) naming what does not match
     */
    public static Received check(TradeState t, byte[] bytes) throws NotReceived {
        try {
            DeliveryPackage p = DeliveryPackage.decode(bytes);
            DeliveryCheck.beforeReceipt(t, p);
            return new Received(p, bytes);
        } catch (IllegalArgumentException | BadDeliveryException e) {
            throw new NotReceived(Problem.PACKAGE, String.valueOf(e.getMessage()), e);
        }
    }
}
