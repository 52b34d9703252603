package org.energychain.bench;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Random;
import org.energychain.crypto.HashFunctions;
import org.energychain.crypto.merkle.MerkleTree;

/**
 * Paired, interleaved measurement of tree building against bare SHA-256 (the same n - 1 calls of 65
 * bytes): alternating the two and taking the median of per-round ratios cancels the load drift of a
 * busy machine, which separate JMH runs of each do not. Run:
 * {@code java -cp "bench/target/energychain-bench.jar:bench/target/lib/*" org.energychain.bench.MerkleRatio}
 */
public final class MerkleRatio {
    private MerkleRatio() {
    }

    public static void main(String[] args) throws Exception {
        for (int n : new int[] {96, 65536}) {
            Random rnd = new Random(1);
            byte[] packed = new byte[n * 32];
            rnd.nextBytes(packed);
            byte[] in = new byte[(n - 1) * 65];
            rnd.nextBytes(in);
            byte[] out = new byte[(n - 1) * 32];
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            int reps = n == 96 ? 2000 : 3;
            int rounds = n == 96 ? 400 : 300;
            int warmup = 100;
            double[] ratios = new double[rounds];
            long sink = 0;
            for (int k = 0; k < rounds + warmup; k++) {
                long t0 = System.nanoTime();
                for (int j = 0; j < reps; j++) {
                    sink += MerkleTree.fromPackedLeafHashes(HashFunctions.SHA256, packed, n).root()[0];
                }
                long t1 = System.nanoTime();
                for (int j = 0; j < reps; j++) {
                    for (int i = 0; i < n - 1; i++) {
                        md.update(in, i * 65, 65);
                        md.digest(out, i * 32, 32);
                    }
                    sink += out[0];
                }
                long t2 = System.nanoTime();
                if (k >= warmup) {
                    ratios[k - warmup] = (double) (t2 - t1) / (t1 - t0);
                }
            }
            Arrays.sort(ratios);
            System.out.printf("n=%d tree/bare rate ratio: median %.2f (p25 %.2f, p75 %.2f) %d%n", n, ratios[rounds / 2],
                    ratios[rounds / 4], ratios[3 * rounds / 4], sink & 1);
        }
    }
}
