package org.energychain.ledger.exec;

import java.nio.ByteBuffer;
import org.energychain.ledger.state.StateReader;

/** Where the next expected nonce of each sender lives in a chain's state ({@code _nonce/<sender>}, i64). */
public final class Nonces {
    public static final String PREFIX = "_nonce/";

    private Nonces() {
    }

    public static long next(StateReader state, String sender) {
        byte[] v = state.get(PREFIX + sender);
        return v == null ? 0 : ByteBuffer.wrap(v).getLong();
    }

    public static byte[] encode(long next) {
        return ByteBuffer.allocate(8).putLong(next).array();
    }
}
