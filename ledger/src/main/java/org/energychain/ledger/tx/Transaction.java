package org.energychain.ledger.tx;

import java.util.Arrays;
import java.util.Objects;
import org.energychain.crypto.HashFunction;
import org.energychain.crypto.Hex;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;
import org.energychain.crypto.sign.PrivateKey;
import org.energychain.crypto.sign.SignatureScheme;

/**
 * A signed call of a contract method on one chain. The sender's per-chain nonce makes every transaction
 * unique and ordered, so a replayed one is refused; the signature covers the {@link #signedPayload()}.
 * Arguments are the contract's own canonical encoding.
 *
 * <p>Signed payload: tag {@code EC/tx/v1}, string chain, string sender, i64 nonce, string contract,
 * string method, bytes args. Whole transaction: bytes payload, bytes signature. Id: {@code H(whole)}.
 */
public record Transaction(String chainId, String sender, long nonce, String contract, String method, byte[] args,
        byte[] signature) {
    public static final String TAG = "EC/tx/v1";

    public Transaction {
        Objects.requireNonNull(chainId, "chainId");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(method, "method");
        if (nonce < 0) {
            throw new IllegalArgumentException("nonce must not be negative");
        }
        args = args.clone();
        signature = signature.clone();
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

    @Override
    public byte[] args() {
        return args.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    public byte[] signedPayload() {
        return new CanonicalWriter(96 + args.length).tag(TAG).string(chainId).string(sender).i64(nonce)
                .string(contract).string(method).bytes(args).toByteArray();
    }

    public byte[] encode() {
        byte[] payload = signedPayload();
        return new CanonicalWriter(payload.length + signature.length + 8).bytes(payload).bytes(signature).toByteArray();
    }

    public byte[] id(HashFunction hash) {
        return hash.hash(encode());
    }

    /** Decodes a whole transaction; {@link IllegalArgumentException} names what is malformed. */
    public static Transaction decode(byte[] bytes) {
        CanonicalReader outer = new CanonicalReader(bytes);
        byte[] payload = outer.bytes("payload");
        byte[] sig = outer.bytes("signature");
        outer.end();
        CanonicalReader r = new CanonicalReader(payload).expectTag(TAG);
        Transaction tx = new Transaction(r.string("chain"), r.string("sender"), r.i64("nonce"), r.string("contract"),
                r.string("method"), r.bytes("args"), sig);
        r.end();
        return tx;
    }

    public int size() {
        return encode().length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Transaction t && Arrays.equals(encode(), t.encode());
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
