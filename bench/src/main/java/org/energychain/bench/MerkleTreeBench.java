package org.energychain.bench;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.energychain.crypto.Digester;
import org.energychain.crypto.HashFunctions;
import org.energychain.crypto.merkle.MerkleTree;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Tree building against bare SHA-256 over the same inputs. A tree of n leaves makes exactly n - 1 node
 * hash calls of 65 bytes ({@code 0x01 || left || right}); {@link #nodeBaseline} makes the same n - 1
 * calls of 65 bytes with one reused {@link MessageDigest}, so {@code build / nodeBaseline} (both in
 * ops/s) is the share of the bare hash rate that tree building reaches. Likewise leaf hashing
 * ({@code 0x00 || leaf} over 80-byte leaves) against bare SHA-256 of 81-byte inputs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MerkleTreeBench {
    /** 96 = one plant-day of 15-minute readings; 65536 = a large group tree. */
    @Param({"96", "65536"})
    public int n;

    private byte[] packedLeafHashes;
    private byte[] nodeInputs;
    private byte[] nodeOutputs;
    private List<byte[]> leaves;
    private byte[] leafInputs;
    private byte[] leafOutputs;
    private MessageDigest md;
    private Digester digester;

    @Setup
    public void setUp() throws NoSuchAlgorithmException {
        Random rnd = new Random(42);
        packedLeafHashes = new byte[n * 32];
        rnd.nextBytes(packedLeafHashes);
        nodeInputs = new byte[(n - 1) * 65];
        rnd.nextBytes(nodeInputs);
        nodeOutputs = new byte[(n - 1) * 32];
        leaves = new ArrayList<>(n);
        leafInputs = new byte[n * 81];
        for (int i = 0; i < n; i++) {
            byte[] leaf = new byte[80];
            rnd.nextBytes(leaf);
            leaves.add(leaf);
            System.arraycopy(leaf, 0, leafInputs, i * 81 + 1, 80);
        }
        leafOutputs = new byte[n * 32];
        md = MessageDigest.getInstance("SHA-256");
        digester = HashFunctions.SHA256.newDigester();
    }

    /** Builds the tree over n packed leaf hashes: n - 1 node hashes. */
    @Benchmark
    public byte[] build() {
        return MerkleTree.fromPackedLeafHashes(HashFunctions.SHA256, packedLeafHashes, n).root();
    }

    /** The same n - 1 SHA-256 calls over 65 bytes each, nothing else. */
    @Benchmark
    public byte[] nodeBaseline() throws Exception {
        byte[] in = nodeInputs;
        byte[] out = nodeOutputs;
        for (int i = 0, calls = n - 1; i < calls; i++) {
            md.update(in, i * 65, 65);
            md.digest(out, i * 32, 32);
        }
        return out;
    }

    /** n leaf hashes H(0x00 || leaf) of 80-byte leaves into a packed array. */
    @Benchmark
    public byte[] leafHashes() {
        return MerkleTree.packedLeafHashes(digester, leaves);
    }

    /** The same n SHA-256 calls over 81 bytes each, nothing else. */
    @Benchmark
    public byte[] leafBaseline() throws Exception {
        byte[] in = leafInputs;
        byte[] out = leafOutputs;
        for (int i = 0; i < n; i++) {
            md.update(in, i * 81, 81);
            md.digest(out, i * 32, 32);
        }
        return out;
    }
}
