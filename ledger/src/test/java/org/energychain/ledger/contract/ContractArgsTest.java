package org.energychain.ledger.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.function.Function;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;
import org.junit.jupiter.api.Test;

/** The one argument decoder: every way a decoder can fail is a MALFORMED refusal naming the method. */
class ContractArgsTest {
    /** A strict decoder of {@code string "EC/t/v1", i32 n (0..10)}. */
    private static int decodeSmall(byte[] b) {
        CanonicalReader r = new CanonicalReader(b);
        if (!r.string("tag").equals("EC/t/v1")) {
            throw new IllegalArgumentException("tag: not EC/t/v1");
        }
        int n = r.i32("n");
        if (n < 0 || n > 10) {
            throw new IllegalArgumentException("n " + n + " out of 0..10");
        }
        r.end();
        return n;
    }

    private static byte[] encode(int n) {
        return new CanonicalWriter(32).string("EC/t/v1").i32(n).toByteArray();
    }

    private static ContractException refusal(byte[] args, Function<byte[], ?> decoder) {
        return catchThrowableOfType(ContractException.class, () -> ContractArgs.decode("m", args, decoder));
    }

    @Test
    void decodesWellFormedArguments() throws ContractException {
        assertThat(ContractArgs.decode("m", encode(7), ContractArgsTest::decodeSmall)).isEqualTo(7);
    }

    @Test
    void everyKindOfMalformedInputIsMalformed() {
        byte[] ok = encode(7);
        byte[] truncated = java.util.Arrays.copyOf(ok, ok.length - 1);
        byte[] trailing = java.util.Arrays.copyOf(ok, ok.length + 1);
        byte[] outOfRange = encode(11);
        byte[] hugeLength = {(byte) 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 'E'};
        for (byte[] bad : new byte[][] {new byte[0], {0}, truncated, trailing, outOfRange, hugeLength}) {
            ContractException e = refusal(bad, ContractArgsTest::decodeSmall);
            assertThat(e).as("%d bytes", bad.length).isNotNull();
            assertThat(e.code()).isEqualTo(CommonCodes.MALFORMED);
            assertThat(e.getMessage()).startsWith("m: malformed arguments: ");
        }
    }

    @Test
    void anyRuntimeExceptionOfADecoderIsMalformedNotAFault() {
        Function<byte[], Object> npe = b -> {
            throw new NullPointerException("field x");
        };
        Function<byte[], Object> index = b -> {
            throw new ArrayIndexOutOfBoundsException(5);
        };
        Function<byte[], Object> arithmetic = b -> Math.multiplyExact(Long.MAX_VALUE, 2);
        Function<byte[], Object> state = b -> {
            throw new IllegalStateException("odd");
        };
        Function<byte[], Object> negativeSize = b -> new byte[-1];
        for (Function<byte[], Object> f : java.util.List.of(npe, index, arithmetic, state, negativeSize)) {
            ContractException e = refusal(new byte[] {1}, f);
            assertThat(e).isNotNull();
            assertThat(e.code()).isEqualTo(CommonCodes.MALFORMED);
        }
        assertThat(refusal(new byte[] {1}, npe).getMessage()).isEqualTo("m: malformed arguments: field x");
    }

    @Test
    void noArgumentsOrNothingDecodedIsMalformed() {
        assertThat(refusal(null, b -> 1).code()).isEqualTo(CommonCodes.MALFORMED);
        assertThat(refusal(new byte[0], b -> null).code()).isEqualTo(CommonCodes.MALFORMED);
    }

    @Test
    void anUnknownMethodHasTheSharedCode() {
        ContractException e = CommonCodes.unknownMethod("kv", "nope");
        assertThat(e.code()).isEqualTo(CommonCodes.UNKNOWN_METHOD).isEqualTo(100);
        assertThat(e.getMessage()).isEqualTo("kv has no method nope");
    }
}
