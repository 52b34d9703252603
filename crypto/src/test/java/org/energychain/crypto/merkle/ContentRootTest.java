package org.energychain.crypto.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.energychain.crypto.HashFunctions;
import org.energychain.crypto.Hex;
import org.junit.jupiter.api.Test;

/** Golden vectors from docs/reference/recompute.py (independent Python) and chunk proofs. */
class ContentRootTest {
    private static byte[] tenK() {
        byte[] b = new byte[10_000];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i % 251);
        }
        return b;
    }

    @Test
    void matchesThePythonReference() {
        assertThat(Hex.encode(ContentRoot.root(HashFunctions.SHA256, new byte[0])))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(Hex.encode(ContentRoot.root(HashFunctions.SHA256, "hello".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("8a2a5c9b768827de5a9552c38a044c66959c68f6d2f21b5260af54d2f87db827");
        assertThat(Hex.encode(ContentRoot.root(HashFunctions.SHA256, tenK())))
                .isEqualTo("5635b73f45946809a9c450c61998cbf8b8ad92a18f9aa5c71830abb526aa664f");
    }

    @Test
    void chunksSplitAtTheChunkSize() {
        assertThat(ContentRoot.chunkCount(0)).isZero();
        assertThat(ContentRoot.chunkCount(4096)).isEqualTo(1);
        assertThat(ContentRoot.chunkCount(4097)).isEqualTo(2);
        assertThat(ContentRoot.chunk(tenK(), 2)).hasSize(10_000 - 8192);
        assertThatThrownBy(() -> ContentRoot.chunk(tenK(), 3)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void everyChunkIsProvableAndAChangedChunkIsNot() {
        byte[] c = tenK();
        MerkleTree t = ContentRoot.tree(HashFunctions.SHA256, c);
        for (int i = 0; i < 3; i++) {
            byte[] leaf = MerkleTree.leafHash(HashFunctions.SHA256, ContentRoot.chunk(c, i));
            assertThat(MerkleTree.verifyInclusion(HashFunctions.SHA256, leaf, t.inclusionProof(i), t.root())).isTrue();
        }
        byte[] bad = ContentRoot.chunk(c, 1);
        bad[0] ^= 1;
        assertThat(MerkleTree.verifyInclusion(HashFunctions.SHA256, MerkleTree.leafHash(HashFunctions.SHA256, bad),
                t.inclusionProof(1), t.root())).isFalse();
    }
}
