package org.energychain.crypto.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.energychain.crypto.HashFunction;
import org.energychain.crypto.HashFunctions;
import org.energychain.crypto.merkle.InclusionProof.Side;
import org.junit.jupiter.api.Test;

class InclusionProofSidesTest {
    private static final HashFunction H = HashFunctions.SHA256;

    static MerkleTree tree(int n) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leaves.add(("leaf " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return MerkleTree.fromLeaves(H, leaves);
    }

    @Test
    void theSmallestProofWithTheSameSidesVerifiesAgainstTheSameRoot() {
        for (int n = 1; n <= 70; n++) {
            MerkleTree t = tree(n);
            for (int i = 0; i < n; i++) {
                InclusionProof real = t.inclusionProof(i);
                List<Side> sides = real.sides();
                InclusionProof smallest = InclusionProof.fromSides(sides, real.path());
                assertThat(smallest.sides()).as("leaf %d of %d", i, n).isEqualTo(sides);
                assertThat(smallest.leafIndex()).isLessThanOrEqualTo(i);
                assertThat(smallest.treeSize()).isLessThanOrEqualTo(n);
                assertThat(MerkleTree.verifyInclusion(H, t.leafHash(i), smallest, t.root())).isTrue();
                // folding the path by its sides gives the root
                byte[] r = t.leafHash(i);
                for (int k = 0; k < sides.size(); k++) {
                    byte[] p = real.path().get(k);
                    r = sides.get(k) == Side.LEFT ? MerkleTree.nodeHash(H, p, r) : MerkleTree.nodeHash(H, r, p);
                }
                assertThat(r).isEqualTo(t.root());
            }
        }
    }

    @Test
    void aRootDoesNotCommitToTheTreeSize() {
        // why the sides exist: leaf 3 has the same audit path in trees of 17 to 32 leaves
        InclusionProof in20 = tree(20).inclusionProof(3);
        assertThat(new InclusionProof(3, 21, in20.path()).sides()).isEqualTo(in20.sides());
        assertThat(MerkleTree.verifyInclusion(H, tree(20).leafHash(3), 3, 21, in20.path(), tree(20).root())).isTrue();
        assertThat(InclusionProof.fromSides(in20.sides(), in20.path()).treeSize()).isEqualTo(17);
    }

    @Test
    void malformedShapesAreRefused() {
        byte[] h = new byte[32];
        assertThatThrownBy(() -> new InclusionProof(0, 4, List.of(h)).sides()).hasMessageContaining("too short");
        assertThatThrownBy(() -> new InclusionProof(0, 2, List.of(h, h)).sides()).hasMessageContaining("longer");
        assertThatThrownBy(() -> new InclusionProof(2, 2, List.of(h)).sides()).hasMessageContaining("outside");
        assertThatThrownBy(() -> InclusionProof.fromSides(List.of(Side.LEFT), List.of())).hasMessageContaining("sides");
        assertThatThrownBy(() -> InclusionProof.fromSides(Collections.nCopies(63, Side.LEFT),
                Collections.nCopies(63, h))).hasMessageContaining("longer");
        InclusionProof tallest = InclusionProof.fromSides(Collections.nCopies(62, Side.LEFT), Collections.nCopies(62, h));
        assertThat(tallest.treeSize()).isEqualTo(1L << 62);
        assertThat(tallest.sides()).hasSize(62);
    }
}
