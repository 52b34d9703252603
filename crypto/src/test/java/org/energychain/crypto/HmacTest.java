package org.energychain.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

class HmacTest {
    @Test
    void rfc4231TestCase2() {
        Hmac mac = new Hmac(HashFunctions.SHA256, "Jefe".getBytes(StandardCharsets.US_ASCII));
        byte[] data = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);
        mac.update(data, 0, data.length);
        assertThat(Hex.encode(mac.doFinal()))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        // reusable: the same message again gives the same MAC
        mac.update(data, 0, data.length);
        assertThat(Hex.encode(mac.doFinal()))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void rfc4231TestCase6LongKeyIsHashedFirst() {
        byte[] key = new byte[131];
        java.util.Arrays.fill(key, (byte) 0xaa);
        Hmac mac = new Hmac(HashFunctions.SHA256, key);
        byte[] data = "Test Using Larger Than Block-Size Key - Hash Key First".getBytes(StandardCharsets.US_ASCII);
        mac.update(data, 0, data.length);
        assertThat(Hex.encode(mac.doFinal()))
                .isEqualTo("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    }

    @Property(tries = 200)
    void hmacSm3AgreesWithBouncyCastle(@ForAll @Size(max = 100) byte[] key, @ForAll @Size(max = 300) byte[] data) {
        Hmac mine = new Hmac(HashFunctions.SM3, key);
        mine.update(data, 0, data.length);
        HMac bc = new HMac(new SM3Digest());
        bc.init(new KeyParameter(key));
        bc.update(data, 0, data.length);
        byte[] expected = new byte[32];
        bc.doFinal(expected, 0);
        assertThat(mine.doFinal()).isEqualTo(expected);
    }
}
