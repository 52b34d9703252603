package org.energychain.crypto.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.energychain.crypto.HashFunction;
import org.energychain.crypto.HashFunctions;
import org.energychain.crypto.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The published RFC 6962 / RFC 9162 SHA-256 test vectors used by Google's certificate-transparency code
 * and transparency-dev/merkle ({@code testonly/constants.go}, {@code proof/verify_test.go}): eight
 * leaves, the roots of every prefix, the node hashes, and inclusion and consistency paths. The
 * corruption probes follow that suite's {@code corruptInclusionProof} and {@code corruptConsistencyProof}.
 */
class Rfc6962VectorsTest {
    private static final HashFunction SHA256 = HashFunctions.SHA256;

    static final List<byte[]> LEAVES = hexes("", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f");

    /** Roots by tree size, from 0 (SHA-256 of nothing) to 8. */
    static final List<byte[]> ROOTS = hexes(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    /** Leaf hashes H(0x00 || leaf) of the eight leaves (level 0 of the node hashes). */
    static final List<byte[]> LEAF_HASHES = hexes(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
            "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
            "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
            "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1");

    private static final byte[] SOME_HASH =
            Hex.decode("abacaba000000000000000000000000000000000000000000060061e00123456");

    static Stream<Arguments> inclusionVectors() {
        return Stream.of(
                Arguments.of(0, 1, hexes()),
                Arguments.of(0, 8, hexes("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
                Arguments.of(5, 8, hexes("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
                Arguments.of(2, 3, hexes("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")),
                Arguments.of(1, 5, hexes("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")));
    }

    static Stream<Arguments> consistencyVectors() {
        return Stream.of(
                Arguments.of(1, 1, hexes()),
                Arguments.of(1, 8, hexes("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
                Arguments.of(6, 8, hexes("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
                Arguments.of(2, 5, hexes("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
                Arguments.of(6, 7, hexes("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                        "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")));
    }

    @Test
    void rootsOfEveryPrefixMatch() {
        for (int n = 0; n <= 8; n++) {
            MerkleTree tree = MerkleTree.fromLeaves(SHA256, LEAVES.subList(0, n));
            assertThat(Hex.encode(tree.root())).as("root of %d leaves", n).isEqualTo(Hex.encode(ROOTS.get(n)));
        }
    }

    @Test
    void leafHashesMatchAndAllEntryPointsAgree() {
        MerkleTree tree = MerkleTree.fromLeaves(SHA256, LEAVES);
        byte[] packed = new byte[8 * 32];
        for (int i = 0; i < 8; i++) {
            assertThat(tree.leafHash(i)).isEqualTo(LEAF_HASHES.get(i));
            assertThat(MerkleTree.leafHash(SHA256, LEAVES.get(i))).isEqualTo(LEAF_HASHES.get(i));
            System.arraycopy(LEAF_HASHES.get(i), 0, packed, i * 32, 32);
        }
        assertThat(MerkleTree.fromLeafHashes(SHA256, LEAF_HASHES).root()).isEqualTo(ROOTS.get(8));
        assertThat(MerkleTree.fromPackedLeafHashes(SHA256, packed, 8).root()).isEqualTo(ROOTS.get(8));
        assertThat(MerkleTree.rootOf(SHA256, LEAVES)).isEqualTo(ROOTS.get(8));
    }

    @ParameterizedTest
    @MethodSource("inclusionVectors")
    void inclusionProofsMatchAndVerifyAndCorruptionsFail(int index, int size, List<byte[]> expected) {
        MerkleTree tree = MerkleTree.fromLeaves(SHA256, LEAVES.subList(0, size));
        InclusionProof proof = tree.inclusionProof(index);
        assertThat(hex(proof.path())).isEqualTo(hex(expected));
        byte[] root = ROOTS.get(size);
        byte[] leaf = LEAF_HASHES.get(index);
        assertThat(MerkleTree.verifyInclusion(SHA256, leaf, index, size, expected, root)).isTrue();
        assertThat(MerkleTree.verifyInclusion(SHA256, leaf, proof, root)).isTrue();

        List<Probe> probes = new ArrayList<>(List.of(
                new Probe("index - 1", index - 1L, size, leaf, expected, root),
                new Probe("index + 1", index + 1L, size, leaf, expected, root),
                new Probe("index ^ 2", index ^ 2L, size, leaf, expected, root),
                new Probe("size * 2", index, size * 2L, leaf, expected, root),
                new Probe("size / 2", index, size / 2L, leaf, expected, root),
                new Probe("wrong leaf", index, size, "WrongLeaf".getBytes(StandardCharsets.UTF_8), expected, root),
                new Probe("empty root", index, size, leaf, expected, ROOTS.get(0)),
                new Probe("random root", index, size, leaf, expected, SOME_HASH),
                new Probe("trailing garbage", index, size, leaf, append(expected, new byte[0]), root),
                new Probe("trailing root", index, size, leaf, append(expected, root), root),
                new Probe("preceding garbage", index, size, leaf, prepend(new byte[0], expected), root),
                new Probe("preceding root", index, size, leaf, prepend(root, expected), root)));
        for (int i = 0; i < expected.size(); i++) {
            probes.add(new Probe("flipped proof[" + i + "]", index, size, leaf, flipped(expected, i), root));
        }
        if (!expected.isEmpty()) {
            probes.add(new Probe("removed", index, size, leaf, expected.subList(0, expected.size() - 1), root));
        }
        if (expected.size() > 1) {
            List<byte[]> inserted = new ArrayList<>(expected);
            inserted.add(1, SOME_HASH);
            probes.add(new Probe("inserted", index, size, leaf, inserted, root));
        }
        for (Probe p : probes) {
            assertThat(MerkleTree.verifyInclusion(SHA256, p.leaf, p.index, p.size, p.path, p.root))
                    .as(p.desc).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("consistencyVectors")
    void consistencyProofsMatchAndVerifyAndCorruptionsFail(int first, int second, List<byte[]> expected) {
        MerkleTree tree = MerkleTree.fromLeaves(SHA256, LEAVES.subList(0, second));
        ConsistencyProof proof = tree.consistencyProof(first);
        assertThat(hex(proof.path())).isEqualTo(hex(expected));
        byte[] r1 = ROOTS.get(first);
        byte[] r2 = ROOTS.get(second);
        assertThat(MerkleTree.verifyConsistency(SHA256, first, second, expected, r1, r2)).isTrue();
        assertThat(MerkleTree.verifyConsistency(SHA256, proof, r1, r2)).isTrue();
        if (expected.isEmpty()) {
            return;
        }
        List<CProbe> probes = new ArrayList<>(List.of(
                new CProbe("first - 1", first - 1L, second, r1, r2, expected),
                new CProbe("first + 1", first + 1L, second, r1, r2, expected),
                new CProbe("first ^ 2", first ^ 2L, second, r1, r2, expected),
                new CProbe("second * 2", first, second * 2L, r1, r2, expected),
                new CProbe("second / 2", first, second / 2L, r1, r2, expected),
                new CProbe("wrong root1", first, second, "WrongRoot".getBytes(StandardCharsets.UTF_8), r2, expected),
                new CProbe("wrong root2", first, second, r1, "WrongRoot".getBytes(StandardCharsets.UTF_8), expected),
                new CProbe("swapped roots", first, second, r2, r1, expected),
                new CProbe("empty proof", first, second, r1, r2, List.of()),
                new CProbe("trailing garbage", first, second, r1, r2, append(expected, new byte[0])),
                new CProbe("trailing root1", first, second, r1, r2, append(expected, r1)),
                new CProbe("trailing root2", first, second, r1, r2, append(expected, r2)),
                new CProbe("preceding garbage", first, second, r1, r2, prepend(new byte[0], expected)),
                new CProbe("preceding root1", first, second, r1, r2, prepend(r1, expected)),
                new CProbe("preceding root2", first, second, r1, r2, prepend(r2, expected)),
                new CProbe("preceding proof[0]", first, second, r1, r2, prepend(expected.get(0), expected)),
                new CProbe("truncated", first, second, r1, r2, expected.subList(0, expected.size() - 1))));
        for (int i = 0; i < expected.size(); i++) {
            probes.add(new CProbe("flipped proof[" + i + "]", first, second, r1, r2, flipped(expected, i)));
        }
        for (CProbe p : probes) {
            assertThat(MerkleTree.verifyConsistency(SHA256, p.first, p.second, p.path, p.root1, p.root2))
                    .as(p.desc).isFalse();
        }
    }

    @Test
    void consistencyEdgeCases() {
        byte[] empty = ROOTS.get(0);
        byte[] r1 = ROOTS.get(1);
        byte[] r2 = ROOTS.get(2);
        List<byte[]> none = List.of();
        List<byte[]> one = List.of(empty);
        // sizes that are always consistent, given the right roots and an empty proof
        assertThat(MerkleTree.verifyConsistency(SHA256, 0, 0, none, empty, empty)).isTrue();
        assertThat(MerkleTree.verifyConsistency(SHA256, 0, 1, none, empty, r1)).isTrue();
        assertThat(MerkleTree.verifyConsistency(SHA256, 0, 8, none, empty, ROOTS.get(8))).isTrue();
        assertThat(MerkleTree.verifyConsistency(SHA256, 1, 1, none, r1, r1)).isTrue();
        // m == n with different roots; m == 0 with a root other than the empty tree's
        assertThat(MerkleTree.verifyConsistency(SHA256, 0, 0, none, empty, r1)).isFalse();
        assertThat(MerkleTree.verifyConsistency(SHA256, 1, 1, none, r1, r2)).isFalse();
        assertThat(MerkleTree.verifyConsistency(SHA256, 0, 1, none, r1, r1)).isFalse();
        // time travel to the past
        assertThat(MerkleTree.verifyConsistency(SHA256, 1, 0, none, r1, empty)).isFalse();
        assertThat(MerkleTree.verifyConsistency(SHA256, 2, 1, none, r2, r1)).isFalse();
        assertThat(MerkleTree.verifyConsistency(SHA256, -1, 1, none, empty, r1)).isFalse();
        // empty proof where one is needed
        assertThat(MerkleTree.verifyConsistency(SHA256, 1, 2, none, r1, r2)).isFalse();
        // roots match but the proof is not empty
        assertThat(MerkleTree.verifyConsistency(SHA256, 0, 0, one, empty, empty)).isFalse();
        assertThat(MerkleTree.verifyConsistency(SHA256, 0, 1, one, empty, r1)).isFalse();
        assertThat(MerkleTree.verifyConsistency(SHA256, 1, 1, one, r1, r1)).isFalse();
        // wrong hash widths and nulls
        assertThat(MerkleTree.verifyConsistency(SHA256, 1, 1, none, new byte[31], new byte[31])).isFalse();
        assertThat(MerkleTree.verifyConsistency(SHA256, 1, 1, none, new byte[33], new byte[33])).isFalse();
        assertThat(MerkleTree.verifyConsistency(SHA256, 1, 1, none, null, null)).isFalse();
        assertThat(MerkleTree.verifyConsistency(SHA256, 1, 2, null, r1, r2)).isFalse();
        assertThat(MerkleTree.verifyConsistency(SHA256, 1, 2, List.of(new byte[33]), r1, r2)).isFalse();
        assertThat(MerkleTree.verifyConsistency(SHA256, 1, 2, java.util.Collections.singletonList(null), r1, r2))
                .isFalse();
        // oversized proof
        List<byte[]> huge = new ArrayList<>();
        for (int i = 0; i < 65; i++) {
            huge.add(r1);
        }
        assertThat(MerkleTree.verifyConsistency(SHA256, 3, Long.MAX_VALUE, huge, r1, r2)).isFalse();
    }

    @Test
    void inclusionEdgeCases() {
        byte[] r1 = ROOTS.get(1);
        byte[] leaf = LEAF_HASHES.get(0);
        List<byte[]> none = List.of();
        assertThat(MerkleTree.verifyInclusion(SHA256, leaf, 0, 1, none, r1)).isTrue();
        // index >= size, size 0, negative
        for (long[] p : new long[][] {{0, 0}, {1, 0}, {1, 1}, {2, 1}, {-1, 1}, {0, -1}, {Long.MAX_VALUE, 1}}) {
            assertThat(MerkleTree.verifyInclusion(SHA256, leaf, p[0], p[1], none, r1))
                    .as("index %d size %d", p[0], p[1]).isFalse();
            assertThat(MerkleTree.verifyInclusion(SHA256, SOME_HASH, p[0], p[1], none, ROOTS.get(0))).isFalse();
        }
        // leaf hash or root of the wrong length (a size-1 tree's root is its leaf hash)
        assertThat(MerkleTree.verifyInclusion(SHA256, new byte[0], 0, 1, none, new byte[0])).isFalse();
        assertThat(MerkleTree.verifyInclusion(SHA256, leaf, 0, 1, none, new byte[0])).isFalse();
        assertThat(MerkleTree.verifyInclusion(SHA256, new byte[0], 0, 1, none, r1)).isFalse();
        byte[] longLeaf = java.util.Arrays.copyOf(leaf, 33);
        assertThat(MerkleTree.verifyInclusion(SHA256, longLeaf, 0, 1, none, longLeaf)).isFalse();
        assertThat(MerkleTree.verifyInclusion(SHA256, null, 0, 1, none, r1)).isFalse();
        assertThat(MerkleTree.verifyInclusion(SHA256, leaf, 0, 1, null, r1)).isFalse();
        // path elements of the wrong width
        assertThat(MerkleTree.verifyInclusion(SHA256, leaf, 0, 2, List.of(new byte[31]), ROOTS.get(2))).isFalse();
    }

    private record Probe(String desc, long index, long size, byte[] leaf, List<byte[]> path, byte[] root) {
    }

    private record CProbe(String desc, long first, long second, byte[] root1, byte[] root2, List<byte[]> path) {
    }

    static List<byte[]> hexes(String... hex) {
        return Stream.of(hex).map(Hex::decode).toList();
    }

    static List<String> hex(List<byte[]> path) {
        return path.stream().map(Hex::encode).toList();
    }

    private static List<byte[]> append(List<byte[]> path, byte[] extra) {
        List<byte[]> out = new ArrayList<>(path);
        out.add(extra);
        return out;
    }

    private static List<byte[]> prepend(byte[] extra, List<byte[]> path) {
        List<byte[]> out = new ArrayList<>();
        out.add(extra);
        out.addAll(path);
        return out;
    }

    private static List<byte[]> flipped(List<byte[]> path, int i) {
        List<byte[]> out = new ArrayList<>(path);
        byte[] c = out.get(i).clone();
        c[0] ^= 8;
        out.set(i, c);
        return out;
    }
}
