package org.energychain.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SnippetTest {
    @Test
    void shortPrintableTextIsQuotedAsItIs() {
        assertThat(Snippet.quote("1.2.3")).isEqualTo("'1.2.3'");
        assertThat(Snippet.quote("Leistung [kW] ü 风")).isEqualTo("'Leistung [kW] ü 风'");
        assertThat(Snippet.quote("")).isEqualTo("''");
    }

    @Test
    void longTextIsCutWithAnEllipsisAndItsLength() {
        String s = Snippet.quote("7".repeat(5_000_000));
        assertThat(s).isEqualTo("'" + "7".repeat(Snippet.MAX) + "…' (5000000 characters)");
        assertThat(Snippet.quote("x".repeat(Snippet.MAX))).isEqualTo("'" + "x".repeat(Snippet.MAX) + "'");
    }

    @Test
    void controlFormatAndUndecodableCharactersAreEscaped() {
        assertThat(Snippet.quote("a\u0000b\tc\r\nd\u001b[31m")).isEqualTo("'a\\u0000b\\tc\\r\\nd\\u001B[31m'");
        assertThat(Snippet.quote("x\uFFFDy")).isEqualTo("'x\\uFFFDy'"); // a byte the charset could not decode
        assertThat(Snippet.quote("abc\u202Efed")).isEqualTo("'abc\\u202Efed'"); // bidi override
        assertThat(Snippet.quote("lone \uD800 surrogate")).isEqualTo("'lone \\uD800 surrogate'");
        assertThat(Snippet.quote("C:\\u0041")).isEqualTo("'C:\\\\u0041'"); // a backslash in the input stays unambiguous
        assertThat(Snippet.quote("😀")).isEqualTo("'😀'");
    }

    @Test
    void escapedBinaryIsCutToo() {
        String s = Snippet.quote("\u0001".repeat(10_000));
        assertThat(s.length()).isLessThan(Snippet.MAX + 40);
        assertThat(s).startsWith("'\\u0001\\u0001").endsWith("…' (10000 characters)");
    }

    @Test
    void aSliceOfACharBuffer() {
        char[] buf = "time,12x4,P".toCharArray();
        assertThat(Snippet.quote(buf, 5, 4)).isEqualTo("'12x4'");
    }
}
