package org.energychain.supervision.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class BoundedLineReaderTest {
    private static List<String> lines(BoundedLineReader r) throws IOException {
        List<String> out = new ArrayList<>();
        for (String l; (l = r.readLine()) != null; ) {
            out.add(l);
        }
        return out;
    }

    @Property(tries = 300)
    void splitsLinesAsBufferedReaderDoes(@ForAll @StringLength(max = 200) @CharRange(from = '\n', to = '\r') @CharRange(from = 'a', to = 'c') String text)
            throws IOException {
        List<String> expected = new BufferedReader(new StringReader(text)).lines().toList();
        assertThat(lines(new BoundedLineReader(new StringReader(text), 1000))).isEqualTo(expected);
    }

    @Test
    void crLfAcrossTheBufferBoundaryIsOneTerminator() throws IOException {
        String first = "x".repeat((1 << 16) - 1);
        assertThat(lines(new BoundedLineReader(new StringReader(first + "\r\nlast"), 1 << 17))).containsExactly(first, "last");
    }

    @Test
    void aTooLongLineIsSkippedAndReadingGoesOn() throws IOException {
        BoundedLineReader r = new BoundedLineReader(new StringReader("ok\n" + "y".repeat(200_000) + "\r\nnext\n1234"), 10);
        assertThat(r.readLine()).isEqualTo("ok");
        assertThatThrownBy(r::readLine).isInstanceOfSatisfying(BoundedLineReader.TooLongException.class,
                e -> assertThat(e.length()).isEqualTo(200_000));
        assertThat(r.readLine()).isEqualTo("next");
        assertThat(r.readLine()).isEqualTo("1234");
        assertThat(r.readLine()).isNull();
        BoundedLineReader atEnd = new BoundedLineReader(new StringReader("12345678901"), 10);
        assertThatThrownBy(atEnd::readLine).isInstanceOf(BoundedLineReader.TooLongException.class);
        assertThat(atEnd.readLine()).isNull();
    }
}
