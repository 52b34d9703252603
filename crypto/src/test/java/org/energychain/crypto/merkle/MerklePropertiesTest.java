package org.energychain.crypto.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.energychain.crypto.HashFunction;
import org.energychain.crypto.HashFunctions;

/** Properties of trees of random size over random leaves, against {@link MerkleReference}. */
class MerklePropertiesTest {
    private static final HashFunction SHA256 = HashFunctions.SHA256;
    private static final MerkleReference REF = new MerkleReference(SHA256);

    @Property(tries = 300)
    void rootEqualsRecursiveDefinition(@ForAll @IntRange(min = 0, max = 300) int n, @ForAll long seed) {
        List<byte[]> leaves = leaves(n, new Random(seed));
        assertThat(MerkleTree.fromLeaves(SHA256, leaves).root()).isEqualTo(REF.mth(leaves));
    }

    @Property(tries = 50)
    void sm3RootEqualsRecursiveDefinition(@ForAll @IntRange(min = 0, max = 70) int n, @ForAll long seed) {
        List<byte[]> leaves = leaves(n, new Random(seed));
        assertThat(MerkleTree.fromLeaves(HashFunctions.SM3, leaves).root())
                .isEqualTo(new MerkleReference(HashFunctions.SM3).mth(leaves));
    }

    @Property(tries = 60)
    void proofsEqualRecursiveDefinitions(@ForAll @IntRange(min = 1, max = 100) int n, @ForAll long seed) {
        List<byte[]> leaves = leaves(n, new Random(seed));
        MerkleTree tree = MerkleTree.fromLeaves(SHA256, leaves);
        for (int i = 0; i < n; i++) {
            assertThat(hex(tree.inclusionProof(i).path())).isEqualTo(hex(REF.path(i, leaves)));
        }
        for (int m = 1; m < n; m++) {
            assertThat(hex(tree.consistencyProof(m).path())).isEqualTo(hex(REF.proof(m, leaves)));
        }
    }

    @Property(tries = 200)
    void everyInclusionProofVerifiesAndEveryTamperingFails(@ForAll @IntRange(min = 1, max = 300) int n,
            @ForAll long seed) {
        Random rnd = new Random(seed);
        MerkleTree tree = MerkleTree.fromLeaves(SHA256, distinctLeaves(n, rnd));
        byte[] root = tree.root();
        for (int i = 0; i < n; i++) {
            InclusionProof proof = tree.inclusionProof(i);
            byte[] leaf = tree.leafHash(i);
            List<byte[]> path = proof.path();
            assertThat(MerkleTree.verifyInclusion(SHA256, leaf, i, n, path, root)).isTrue();

            assertThat(MerkleTree.verifyInclusion(SHA256, flip(leaf, rnd), i, n, path, root)).isFalse();
            assertThat(MerkleTree.verifyInclusion(SHA256, leaf, i, n, path, flip(root, rnd))).isFalse();
            if (!path.isEmpty()) {
                int j = rnd.nextInt(path.size());
                List<byte[]> bad = new ArrayList<>(path);
                bad.set(j, flip(path.get(j), rnd));
                assertThat(MerkleTree.verifyInclusion(SHA256, leaf, i, n, bad, root)).isFalse();
                assertThat(MerkleTree.verifyInclusion(SHA256, leaf, i, n, path.subList(1, path.size()), root))
                        .isFalse();
                if ((i ^ 1) < n) {
                    assertThat(MerkleTree.verifyInclusion(SHA256, leaf, i ^ 1, n, path, root)).isFalse();
                }
            }
            List<byte[]> longer = new ArrayList<>(path);
            longer.add(root);
            assertThat(MerkleTree.verifyInclusion(SHA256, leaf, i, n, longer, root)).isFalse();
            assertThat(MerkleTree.verifyInclusion(SHA256, leaf, i + n, n, path, root)).isFalse();
            assertThat(MerkleTree.verifyInclusion(SHA256, leaf, i, 2L * n, path, root)).isFalse();
            if (i < n / 2) {
                assertThat(MerkleTree.verifyInclusion(SHA256, leaf, i, n / 2, path, root)).isFalse();
            }
        }
    }

    @Property(tries = 150)
    void everyConsistencyProofVerifiesAndEveryTamperingFails(@ForAll @IntRange(min = 1, max = 300) int n,
            @ForAll long seed) {
        Random rnd = new Random(seed);
        List<byte[]> leaves = distinctLeaves(n, rnd);
        MerkleTree tree = MerkleTree.fromLeaves(SHA256, leaves);
        byte[] root = tree.root();
        for (int m = 0; m <= n; m++) {
            byte[] old = MerkleTree.fromLeaves(SHA256, leaves.subList(0, m)).root();
            ConsistencyProof proof = tree.consistencyProof(m);
            List<byte[]> path = proof.path();
            assertThat(MerkleTree.verifyConsistency(SHA256, m, n, path, old, root)).as("m=%d n=%d", m, n).isTrue();
            assertThat(MerkleTree.verifyConsistency(SHA256, proof, old, root)).isTrue();

            assertThat(MerkleTree.verifyConsistency(SHA256, m, n, path, flip(old, rnd), root)).isFalse();
            if (m > 0) { // the empty tree is a prefix of every tree: nothing binds the second root
                assertThat(MerkleTree.verifyConsistency(SHA256, m, n, path, old, flip(root, rnd))).isFalse();
            }
            if (!path.isEmpty()) {
                int j = rnd.nextInt(path.size());
                List<byte[]> bad = new ArrayList<>(path);
                bad.set(j, flip(path.get(j), rnd));
                assertThat(MerkleTree.verifyConsistency(SHA256, m, n, bad, old, root)).isFalse();
                assertThat(MerkleTree.verifyConsistency(SHA256, m, n, path.subList(0, path.size() - 1), old, root))
                        .isFalse();
                assertThat(MerkleTree.verifyConsistency(SHA256, m, n, List.of(), old, root)).isFalse();
            }
            List<byte[]> longer = new ArrayList<>(path);
            longer.add(root);
            assertThat(MerkleTree.verifyConsistency(SHA256, m, n, longer, old, root)).isFalse();
            if (m > 0 && m < n) {
                assertThat(MerkleTree.verifyConsistency(SHA256, m, n, path, root, old)).isFalse();
                assertThat(MerkleTree.verifyConsistency(SHA256, n, m, path, root, old)).isFalse();
            }
        }
    }

    static List<byte[]> leaves(int n, Random rnd) {
        List<byte[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byte[] leaf = new byte[rnd.nextInt(40)];
            rnd.nextBytes(leaf);
            out.add(leaf);
        }
        return out;
    }

    /** Leaves that differ (a proof for leaf i is also one for an identical neighbour, so tests avoid them). */
    static List<byte[]> distinctLeaves(int n, Random rnd) {
        List<byte[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byte[] leaf = new byte[8 + rnd.nextInt(40)];
            rnd.nextBytes(leaf);
            leaf[0] = (byte) i;
            leaf[1] = (byte) (i >>> 8);
            out.add(leaf);
        }
        return out;
    }

    private static byte[] flip(byte[] h, Random rnd) {
        byte[] c = h.clone();
        int bit = rnd.nextInt(c.length * 8);
        c[bit >>> 3] ^= (byte) (1 << (bit & 7));
        return c;
    }

    private static List<String> hex(List<byte[]> path) {
        return Rfc6962VectorsTest.hex(path);
    }
}
