package org.energychain.dispatch.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small UTF-8 text file read whole, refused beyond a size bound or when it is not UTF-8. */
final class TextFile {
    private TextFile() {
    }

    static String read(Path file, int maxBytes, String what) throws IOException {
        if (Files.size(file) > maxBytes) {
            throw new IllegalArgumentException(file + ": more than " + maxBytes + " bytes for " + what);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file + ": not valid UTF-8; save " + what + " as UTF-8 or ASCII");
        }
    }
}
