package org.energychain.ledger.tx;

import java.util.Arrays;
import java.util.Objects;
import org.energychain.crypto.HashFunction;
import org.energychain.crypto.Hex;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;
import org.energychain.crypto.sign.PrivateKey;
import org.energychain.crypto.sign.SignatureScheme;
import org.jspecify.annotations.Nullable;

/**
 * A signed call of a contract method on one chain. The sender's per-chain nonce makes every transaction
 * unique and ordered, so a replayed one is refused; the signature covers the {@link #signedPayload()}.
 * Arguments are the contract's own canonical encoding.
 *
 * <p>Signed payload: tag {@code EC/tx/v1}, string chain, string sender, i64 nonce, string contract,
 * string method, bytes args. Whole transaction: bytes payload, bytes signature. Id: {@code H(whole)}.
 *
 * <p>An immutable value like a record, but a class so that the encodings, needed several times on the
 * hot path (admission, id, block), are computed once.
 */
@SuppressWarnings("InconsistentHashCode") // hashCode: the signature, part of the encoding that equals compares
public final class Transaction {
    public static final String TAG = "EC/tx/v1";

    private final String chainId;
    private final String sender;
    private final long nonce;
    private final String contract;
    private final String method;
    private final byte[] args;
    private final byte[] signature;
    private final byte[] payload;
    private final byte[] encoded;

    public Transaction(String chainId, String sender, long nonce, String contract, String method, byte[] args,
            byte[] signature) {
        this.chainId = Objects.requireNonNull(chainId, "chainId");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.contract = Objects.requireNonNull(contract, "contract");
        this.method = Objects.requireNonNull(method, "method");
        if (nonce < 0) {
            throw new IllegalArgumentException("nonce must not be negative");
        }
        this.nonce = nonce;
        this.args = args.clone();
        this.signature = signature.clone();
        int payloadLength = CanonicalWriter.stringLength(TAG) + CanonicalWriter.stringLength(chainId)
                + CanonicalWriter.stringLength(sender) + 8 + CanonicalWriter.stringLength(contract)
                + CanonicalWriter.stringLength(method) + 4 + args.length;
        this.payload = new CanonicalWriter(payloadLength).tag(TAG).string(chainId).string(sender).i64(nonce)
                .string(contract).string(method).bytes(args).finish();
        this.encoded = new CanonicalWriter(4 + payload.length + 4 + signature.length).bytes(payload)
                .bytes(signature).finish();
    }

    /**
     * A decoded transaction that keeps the bytes it was decoded from: the reader is strict, so they are the
     * canonical encoding, and re-encoding them (twice, for a block of thousands) would only copy them again.
     */
    private Transaction(String chainId, String sender, long nonce, String contract, String method, byte[] args,
            byte[] signature, byte[] payload, byte[] encoded) {
        if (nonce < 0) {
            throw new IllegalArgumentException("nonce must not be negative");
        }
        this.chainId = chainId;
        this.sender = sender;
        this.nonce = nonce;
        this.contract = contract;
        this.method = method;
        this.args = args;
        this.signature = signature;
        this.payload = payload;
        this.encoded = encoded;
    }

    public String chainId() {
        return chainId;
    }

    public String sender() {
        return sender;
    }

    public long nonce() {
        return nonce;
    }

    public String contract() {
        return contract;
    }

    public String method() {
        return method;
    }

    /** Builds and signs a transaction. */
    public static Transaction sign(String chainId, String sender, long nonce, String contract, String method,
            byte[] args, SignatureScheme scheme, PrivateKey key) {
        Transaction unsigned = new Transaction(chainId, sender, nonce, contract, method, args, new byte[0]);
        return unsigned.withSignature(scheme.sign(key, unsigned.signedPayload()));
    }

    public Transaction withSignature(byte[] sig) {
        return new Transaction(chainId, sender, nonce, contract, method, args, sig);
    }

    public byte[] args() {
        return args.clone();
    }

    public byte[] signature() {
        return signature.clone();
    }

    public byte[] signedPayload() {
        return payload.clone();
    }

    public byte[] encode() {
        return encoded.clone();
    }

    /** Writes {@link #encode()} as a {@code bytes} field of {@code w}, without copying it first. */
    public CanonicalWriter writeTo(CanonicalWriter w) {
        return w.bytes(encoded);
    }

    /** The length of {@link #encode()}, without copying it. */
    public int encodedLength() {
        return encoded.length;
    }

    /** {@code H(encode())}; computed once per hash function (admission, block and index all need it). */
    public byte[] id(HashFunction hash) {
        CachedId c = cachedId;
        if (c == null || c.hash != hash) {
            c = new CachedId(hash, hash.hash(encoded));
            cachedId = c;
        }
        return c.id.clone();
    }

    private record CachedId(HashFunction hash, byte[] id) {
    }

    private volatile @Nullable CachedId cachedId;

    /** Verifies the signature without copying the payload. */
    public boolean verifySignature(org.energychain.crypto.sign.SignatureScheme scheme,
            org.energychain.crypto.sign.PublicKey key) {
        return signature.length > 0 && scheme.verify(key, payload, signature);
    }

    /** Decodes a whole transaction; {@link IllegalArgumentException} names what is malformed. */
    public static Transaction decode(byte[] bytes) {
        byte[] encoded = bytes.clone(); // the caller keeps its array
        CanonicalReader outer = new CanonicalReader(encoded);
        byte[] payload = outer.bytes("payload");
        byte[] sig = outer.bytes("signature");
        outer.end();
        CanonicalReader r = new CanonicalReader(payload).expectTag(TAG);
        Transaction tx = new Transaction(r.string("chain"), r.string("sender"), r.i64("nonce"), r.string("contract"),
                r.string("method"), r.bytes("args"), sig, payload, encoded);
        r.end();
        return tx;
    }

    public int size() {
        return encoded.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Transaction t && Arrays.equals(encoded, t.encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "Transaction[" + chainId + " " + sender + "#" + nonce + " " + contract + "." + method + " args="
                + args.length + "B sig=" + Hex.encode(Arrays.copyOf(signature, Math.min(8, signature.length))) + "...]";
    }
}
