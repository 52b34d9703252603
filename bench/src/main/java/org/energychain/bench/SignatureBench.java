package org.energychain.bench;

import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.energychain.crypto.sign.KeyPair;
import org.energychain.crypto.sign.SignatureScheme;
import org.energychain.crypto.sign.SignatureSchemes;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Signing and verification rates of both schemes over a 200-byte message (a typical transaction). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SignatureBench {
    @Param({"Ed25519", "SM2"})
    public String scheme;

    private SignatureScheme s;
    private KeyPair keys;
    private byte[] message;
    private byte[] signature;

    @Setup
    public void setUp() {
        s = SignatureSchemes.byName(scheme);
        keys = s.generateKeyPair(new SecureRandom());
        message = new byte[200];
        new SecureRandom().nextBytes(message);
        signature = s.sign(keys.privateKey(), message);
    }

    @Benchmark
    public byte[] sign() {
        return s.sign(keys.privateKey(), message);
    }

    @Benchmark
    public boolean verify() {
        return s.verify(keys.publicKey(), message, signature);
    }
}
