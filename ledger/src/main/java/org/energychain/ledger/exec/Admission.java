package org.energychain.ledger.exec;

import java.util.Optional;
import org.energychain.crypto.sign.SignatureScheme;
import org.energychain.ledger.contract.Contract;
import org.energychain.ledger.contract.ContractRegistry;
import org.energychain.ledger.contract.MethodSpec;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.genesis.Member;
import org.energychain.ledger.tx.Transaction;

/**
 * The stateless checks a transaction passes before the mempool takes it: size, chain, membership,
 * signature, contract, method kind and the sender's role. Nonce checks need state and live in the
 * mempool. Thread-safe: signatures are verified on the caller's thread.
 */
public final class Admission {
    private final Genesis genesis;
    private final ContractRegistry contracts;
    private final SignatureScheme scheme;

    public Admission(Genesis genesis, ContractRegistry contracts) {
        this.genesis = genesis;
        this.contracts = contracts;
        this.scheme = genesis.cryptoSuite().signatures();
        for (String c : genesis.contracts()) {
            if (contracts.get(c).isEmpty()) {
                throw new IllegalArgumentException("chain " + genesis.chainId() + " runs contract " + c
                        + ", which this node does not have");
            }
        }
    }

    /** Empty when admissible. */
    public Optional<Rejection> check(Transaction tx, int encodedSize) {
        return check(tx, encodedSize, false);
    }

    /**
     * As {@link #check(Transaction, int)}; with {@code signatureVerified} the signature is taken as checked
     * (this node verified these very bytes, identified by their hash, under the sender's key already).
     */
    public Optional<Rejection> check(Transaction tx, int encodedSize, boolean signatureVerified) {
        if (encodedSize > genesis.limits().maxTxBytes()) {
            return reject(Rejection.Reason.OVERSIZED, "transaction of " + encodedSize + " bytes exceeds the chain's limit of "
                    + genesis.limits().maxTxBytes());
        }
        if (!tx.chainId().equals(genesis.chainId())) {
            return reject(Rejection.Reason.WRONG_CHAIN, "transaction for chain " + tx.chainId() + " sent to chain "
                    + genesis.chainId());
        }
        Optional<Member> member = genesis.member(tx.sender());
        if (member.isEmpty()) {
            return reject(Rejection.Reason.UNKNOWN_SENDER, "sender " + tx.sender() + " is not a member of chain "
                    + genesis.chainId());
        }
        if (tx.signature().length == 0) {
            return reject(Rejection.Reason.BAD_SIGNATURE, "transaction is not signed");
        }
        if (!signatureVerified) {
            Optional<Rejection> bad = signature(tx, member.get());
            if (bad.isPresent()) {
                return bad;
            }
        }
        return checkCall(tx.contract(), tx.method(), member.get(), MethodSpec.Kind.SUBMIT);
    }

    /**
     * Only the signature of a transaction that passed {@link #check(Transaction, int, boolean)} with the
     * signature taken as checked: empty when it verifies under its sender's key.
     */
    public Optional<Rejection> checkSignature(Transaction tx) {
        Member member = genesis.member(tx.sender()).orElseThrow(() -> new IllegalArgumentException(
                "sender " + tx.sender() + " is not a member of chain " + genesis.chainId()));
        return signature(tx, member);
    }

    private Optional<Rejection> signature(Transaction tx, Member member) {
        return tx.verifySignature(scheme, member.key()) ? Optional.empty()
                : reject(Rejection.Reason.BAD_SIGNATURE, "signature does not verify under " + tx.sender() + "'s key");
    }

    /** Whether {@code member} may call {@code contract.method} as the given kind. */
    public Optional<Rejection> checkCall(String contractName, String method, Member member, MethodSpec.Kind kind) {
        if (!genesis.contracts().contains(contractName)) {
            return reject(Rejection.Reason.UNKNOWN_CONTRACT, "chain " + genesis.chainId() + " runs no contract "
                    + contractName + " (it runs " + genesis.contracts() + ")");
        }
        Contract c = contracts.get(contractName).orElseThrow();
        MethodSpec spec = c.methods().get(method);
        if (spec == null || spec.kind() != kind) {
            return reject(Rejection.Reason.UNKNOWN_METHOD, "contract " + contractName + " has no "
                    + kind.name().toLowerCase(java.util.Locale.ROOT) + " method " + method);
        }
        if (!spec.allows(member.roles())) {
            return reject(Rejection.Reason.UNAUTHORISED, member.id() + " (" + member.roles() + ") may not call "
                    + contractName + "." + method + " (needs one of " + spec.roles() + ")");
        }
        return Optional.empty();
    }

    private static Optional<Rejection> reject(Rejection.Reason reason, String message) {
        return Optional.of(new Rejection(reason, message));
    }
}
