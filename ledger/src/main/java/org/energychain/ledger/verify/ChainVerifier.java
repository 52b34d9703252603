package org.energychain.ledger.verify;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.energychain.crypto.HashFunction;
import org.energychain.crypto.Hex;
import org.energychain.crypto.merkle.MerkleTree;
import org.energychain.crypto.sign.SignatureScheme;
import org.energychain.ledger.block.Block;
import org.energychain.ledger.block.BlockHeader;
import org.energychain.ledger.contract.ContractRegistry;
import org.energychain.ledger.contract.MethodSpec;
import org.energychain.ledger.exec.Admission;
import org.energychain.ledger.exec.BlockExecutor;
import org.energychain.ledger.exec.ExecutedBlock;
import org.energychain.ledger.exec.Rejection;
import org.energychain.ledger.finality.FinalityCertificate;
import org.energychain.ledger.finality.VoteTarget;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.genesis.Member;
import org.energychain.ledger.genesis.NodeInfo;
import org.energychain.ledger.genesis.Roster;
import org.energychain.ledger.governance.Rosters;
import org.energychain.ledger.state.StateReader;
import org.energychain.ledger.state.WriteSet;
import org.energychain.ledger.store.ChainStore;
import org.energychain.ledger.store.TxLocation;
import org.energychain.ledger.tx.Transaction;
import org.energychain.ledger.tx.TxResult;

/**
 * Re-checks a whole chain from its store, trusting nothing but the genesis and the contract code: that
 * the blocks link up (genesis hash for block 1) at consecutive heights with non-decreasing time, that
 * every header's tx root and results root are the RFC 9162 roots of what the block holds, that the
 * proposer is a validator and signed the header, that every transaction is signed by its sender (a
 * member) under the genesis key, calls a method its role may call and uses the sender's next nonce, that
 * the indexes point back at the block, and finally that re-executing every block with the same contracts
 * on a fresh state gives the recorded results and state roots and, at the end, the stored state.
 *
 * <p>Why re-execution: the state root chains the write sets (see {@link WriteSet}), so it proves which
 * changes were applied but not that the contracts produced them; only replaying the transactions does.
 * It stops at the FIRST bad block and says why; later blocks are not looked at. Only a block or state
 * that cannot be read (corrupt data) is reported, never thrown. Memory: the replayed state, not the blocks.
 */
public final class ChainVerifier {
    private final ContractRegistry contracts;

    /** @param contracts the contract code the chain runs (the chain's genesis lists which) */
    public ChainVerifier(ContractRegistry contracts) {
        this.contracts = contracts;
    }

    /** The outcome of verifying a chain. */
    public record Report(String chainId, long height, long badHeight, String reason, long finalHeight) {
        static Report ok(String chainId, long height, long finalHeight) {
            return new Report(chainId, height, 0, null, finalHeight);
        }

        /** Whether the whole chain verified. */
        public boolean ok() {
            return reason == null;
        }

        /** For people: {@code chain c: 17 blocks verify} or {@code chain c: block 17: tx root differs}. */
        public String message() {
            return ok() ? "chain " + chainId + ": " + height + " blocks verify"
                    + (finalHeight > 0 ? ", final up to " + finalHeight + " (certificates check)" : "")
                    : "chain " + chainId + ": block " + badHeight + ": " + reason;
        }

        @Override
        public String toString() {
            return message();
        }
    }

    /**
     * Verifies the chain in {@code store} from its genesis up to the store's height.
     *
     * @throws IllegalArgumentException if this verifier lacks a contract the genesis lists (a setup error,
     *     not a fault of the chain)
     */
    public Report verify(ChainStore store) {
        Genesis genesis = store.genesis();
        String chainId = genesis.chainId();
        HashFunction hash = genesis.cryptoSuite().hash();
        SignatureScheme scheme = genesis.cryptoSuite().signatures();
        Admission admission = new Admission(genesis, contracts);
        BlockExecutor executor = new BlockExecutor(genesis, contracts);
        ReplayState replay = new ReplayState();
        Map<String, Long> nextNonce = new HashMap<>();
        long height = store.height();
        byte[] prevHash = genesis.hash();
        byte[] prevState = WriteSet.initialRoot(hash, genesis.hash());
        BlockHeader prev = null;
        long finalHeight = 0;
        for (long h = 1; h <= height; h++) {
            Block b;
            try {
                b = store.block(h).orElse(null);
            } catch (RuntimeException e) {
                return bad(chainId, height, h, "cannot be read: " + e.getMessage());
            }
            if (b == null) {
                return bad(chainId, height, h, "is missing");
            }
            BlockHeader header = b.header();
            if (header.height() != h) {
                return bad(chainId, height, h, "says it is block " + header.height());
            }
            if (!header.chainId().equals(chainId)) {
                return bad(chainId, height, h, "belongs to chain " + header.chainId());
            }
            if (!MessageDigest.isEqual(prevHash, header.previousHash())) {
                return bad(chainId, height, h, h == 1 ? "does not link to the genesis" : "does not link to block " + (h - 1));
            }
            if (prev != null && header.time().isBefore(prev.time())) {
                return bad(chainId, height, h, "its time " + header.time() + " is before block " + (h - 1) + "'s");
            }
            Roster roster;
            try {
                roster = Rosters.current(replay, genesis).roster();
            } catch (RuntimeException e) {
                return bad(chainId, height, h, "the roster in force cannot be read: " + e.getMessage());
            }
            if (roster.validator(header.proposer()).isEmpty()) {
                return bad(chainId, height, h, "proposer " + header.proposer() + " is not a validator at this height");
            }
            NodeInfo proposer = roster.node(header.proposer()).orElseThrow();
            byte[] headerBytes = header.encode();
            if (!scheme.verify(proposer.consensusKey(), headerBytes, b.signature())) {
                return bad(chainId, height, h, "the proposer's signature does not verify");
            }
            List<Transaction> txs = b.transactions();
            int n = txs.size();
            List<byte[]> ids = new ArrayList<>(n);
            List<byte[]> encoded = new ArrayList<>(n);
            for (Transaction t : txs) {
                byte[] e = t.encode();
                encoded.add(e);
                ids.add(hash.hash(e));
            }
            if (!MessageDigest.isEqual(MerkleTree.rootOf(hash, ids), header.txRoot())) {
                return bad(chainId, height, h, "tx root differs");
            }
            for (int i = 0; i < n; i++) {
                Transaction t = txs.get(i);
                Optional<String> problem = admissible(genesis, admission, t, encoded.get(i).length);
                if (problem.isPresent()) {
                    return bad(chainId, height, h, "tx " + i + ": " + problem.get());
                }
            }
            OptionalInt badSig = IntStream.range(0, n).parallel()
                    .filter(i -> !scheme.verify(genesis.member(txs.get(i).sender()).orElseThrow().key(),
                            txs.get(i).signedPayload(), txs.get(i).signature()))
                    .min();
            if (badSig.isPresent()) {
                return bad(chainId, height, h, "signature of tx " + badSig.getAsInt() + " does not verify");
            }
            for (int i = 0; i < n; i++) {
                Transaction t = txs.get(i);
                long expected = nextNonce.getOrDefault(t.sender(), 0L);
                if (t.nonce() != expected) {
                    return bad(chainId, height, h, "tx " + i + ": nonce " + t.nonce() + " of " + t.sender()
                            + ", expected " + expected);
                }
                nextNonce.put(t.sender(), expected + 1);
            }
            List<byte[]> resultLeaves = new ArrayList<>(n);
            b.results().forEach(r -> resultLeaves.add(r.encode()));
            if (!MessageDigest.isEqual(MerkleTree.rootOf(hash, resultLeaves), header.resultsRoot())) {
                return bad(chainId, height, h, "results root differs");
            }
            ExecutedBlock again = executor.executeUnsigned(replay, h, prevHash, prevState, header.time(), header.proposer(), txs);
            List<TxResult> replayed = again.block().results();
            if (replayed.size() != n) {
                return bad(chainId, height, h, "the replay runs " + replayed.size() + " of its " + n + " transactions");
            }
            for (int i = 0; i < n; i++) {
                if (!Arrays.equals(resultLeaves.get(i), replayed.get(i).encode())) {
                    return bad(chainId, height, h, "result of tx " + i + " differs from the replay (recorded code "
                            + b.results().get(i).code() + ", replay code " + replayed.get(i).code() + ")");
                }
            }
            if (!MessageDigest.isEqual(again.block().header().stateRoot(), header.stateRoot())) {
                return bad(chainId, height, h, "state root differs from the replay");
            }
            byte[] blockHash = hash.hash(headerBytes);
            try {
                for (int i = 0; i < n; i++) {
                    Optional<TxLocation> loc = store.locate(ids.get(i));
                    if (loc.isEmpty() || loc.get().height() != h || loc.get().index() != i) {
                        return bad(chainId, height, h, "tx " + i + " is indexed at " + loc.map(Object::toString).orElse("nothing"));
                    }
                }
                Optional<Block> byHash = store.blockByHash(blockHash);
                if (byHash.isEmpty() || byHash.get().height() != h) {
                    return bad(chainId, height, h, "its hash is not indexed to it");
                }
            } catch (RuntimeException e) {
                return bad(chainId, height, h, "an index cannot be read: " + e.getMessage());
            }
            Optional<String> certProblem = certificate(store, genesis, roster, header, h);
            if (certProblem.isPresent()) {
                return bad(chainId, height, h, certProblem.get());
            }
            if (store.certificate(h).isPresent()) {
                finalHeight = h;
            }
            replay.apply(again.writes());
            prev = header;
            prevHash = blockHash;
            prevState = header.stateRoot();
        }
        Optional<String> stateProblem;
        try {
            stateProblem = compareState(store.scan("", Integer.MAX_VALUE), replay.entries);
        } catch (RuntimeException e) {
            stateProblem = Optional.of("the stored state cannot be read: " + e.getMessage());
        }
        if (stateProblem.isPresent()) {
            return bad(chainId, height, height, "the stored state differs from the replay: " + stateProblem.get());
        }
        return Report.ok(chainId, height, finalHeight);
    }

    private static Optional<String> admissible(Genesis genesis, Admission admission, Transaction t, int size) {
        if (!t.chainId().equals(genesis.chainId())) {
            return Optional.of("belongs to chain " + t.chainId());
        }
        if (size > genesis.limits().maxTxBytes()) {
            return Optional.of("is " + size + " bytes, over the chain's limit of " + genesis.limits().maxTxBytes());
        }
        Optional<Member> sender = genesis.member(t.sender());
        if (sender.isEmpty()) {
            return Optional.of("sender " + t.sender() + " is not a member");
        }
        return admission.checkCall(t.contract(), t.method(), sender.get(), MethodSpec.Kind.SUBMIT).map(Rejection::message);
    }

    private static Optional<String> compareState(SortedMap<String, byte[]> stored, TreeMap<String, byte[]> replayed) {
        Iterator<Map.Entry<String, byte[]>> s = stored.entrySet().iterator();
        Iterator<Map.Entry<String, byte[]>> r = replayed.entrySet().iterator();
        while (s.hasNext() || r.hasNext()) {
            Map.Entry<String, byte[]> a = s.hasNext() ? s.next() : null;
            Map.Entry<String, byte[]> b = r.hasNext() ? r.next() : null;
            if (a == null) {
                return Optional.of("key " + b.getKey() + " is missing from the store");
            }
            if (b == null) {
                return Optional.of("key " + a.getKey() + " is in the store but not in the replay");
            }
            int c = WriteSet.compareUtf8(a.getKey(), b.getKey());
            if (c != 0) {
                return Optional.of(c < 0 ? "key " + a.getKey() + " is in the store but not in the replay"
                        : "key " + b.getKey() + " is missing from the store");
            }
            if (!Arrays.equals(a.getValue(), b.getValue())) {
                return Optional.of("key " + a.getKey() + " is " + Hex.encode(a.getValue()) + " in the store, "
                        + Hex.encode(b.getValue()) + " by replay");
            }
        }
        return Optional.empty();
    }

    /** A stored finality certificate must be valid for the roster of its height and name exactly this block. */
    private static Optional<String> certificate(ChainStore store, Genesis genesis, Roster roster, BlockHeader header,
            long h) {
        Optional<byte[]> raw;
        try {
            raw = store.certificate(h);
        } catch (RuntimeException e) {
            return Optional.of("its certificate cannot be read: " + e.getMessage());
        }
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        HashFunction hash = genesis.cryptoSuite().hash();
        FinalityCertificate c;
        try {
            c = FinalityCertificate.decode(raw.get(), hash.digestLength());
        } catch (RuntimeException e) {
            return Optional.of("its certificate does not decode: " + e.getMessage());
        }
        Optional<String> p = c.problem(genesis, roster);
        if (p.isPresent()) {
            return p;
        }
        if (!c.target().equals(VoteTarget.of(header, hash))) {
            return Optional.of("its certificate is for " + c.target() + ", not for this block");
        }
        return Optional.empty();
    }

    private static Report bad(String chainId, long height, long h, String reason) {
        return new Report(chainId, height, h, reason, 0);
    }

    /** The replayed state: like {@code InMemoryChainStore}'s, without keeping the blocks. */
    private static final class ReplayState implements StateReader {
        final TreeMap<String, byte[]> entries = new TreeMap<>(WriteSet::compareUtf8);

        @Override
        public byte[] get(String key) {
            byte[] v = entries.get(key);
            return v == null ? null : v.clone();
        }

        @Override
        public SortedMap<String, byte[]> scan(String prefix, int limit) {
            TreeMap<String, byte[]> out = new TreeMap<>(WriteSet::compareUtf8);
            for (Map.Entry<String, byte[]> e : entries.tailMap(prefix, true).entrySet()) {
                if (!e.getKey().startsWith(prefix) || out.size() == limit) {
                    break;
                }
                out.put(e.getKey(), e.getValue().clone());
            }
            return out;
        }

        void apply(WriteSet writes) {
            writes.changes().forEach((k, v) -> {
                if (v == null) {
                    entries.remove(k);
                } else {
                    entries.put(k, v.clone());
                }
            });
        }
    }
}
