package org.energychain.supervision.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import org.jspecify.annotations.Nullable;

/**
 * Decodes a byte stream and refuses bytes that are not valid in the charset, but only after handing out
 * every character before them: a reader of lines therefore meets the error on the line that holds the bad
 * bytes (an {@link java.io.InputStreamReader} may throw while the previous lines are still unread). The
 * error is a {@link MalformedInputException} whose {@link #badByteOffset()} says where.
 */
final class StrictDecodingReader extends Reader {
    private final InputStream in;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
    private long consumedBefore; // bytes of the stream before bytes' current content
    private boolean eof;
    private boolean flushed;
    private @Nullable MalformedInputException pending;
    private long badByteOffset = -1;

    StrictDecodingReader(InputStream in, Charset charset) {
        this.in = in;
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** 0-based offset in the stream of the first bad byte, once it has been met; -1 before. */
    long badByteOffset() {
        return badByteOffset;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (pending != null) {
            throw pending;
        }
        if (len == 0) {
            return 0;
        }
        if (flushed) { // the end was handed out; the decoder must not be called again
            return -1;
        }
        CharBuffer out = CharBuffer.wrap(cbuf, off, len);
        while (true) {
            CoderResult r = decoder.decode(bytes, out, eof);
            if (r.isError()) {
                badByteOffset = consumedBefore + bytes.position();
                pending = new MalformedInputException(r.length());
                if (out.position() > off) {
                    return out.position() - off;
                }
                throw pending;
            }
            if (r.isOverflow()) {
                return out.position() - off;
            }
            // underflow: everything decodable is out
            if (out.position() > off) {
                return out.position() - off;
            }
            if (eof) {
                if (!flushed) {
                    flushed = true;
                    decoder.flush(out);
                    if (out.position() > off) {
                        return out.position() - off;
                    }
                }
                return -1;
            }
            consumedBefore += bytes.position();
            bytes.compact();
            int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (n < 0) {
                eof = true;
            } else {
                bytes.position(bytes.position() + n);
            }
            bytes.flip();
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
