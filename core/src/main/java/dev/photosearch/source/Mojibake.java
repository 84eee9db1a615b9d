package dev.photosearch.source;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Repairs text whose UTF-8 bytes were shown as Latin-1 characters, as Instagram exports write it. */
public final class Mojibake {

    private Mojibake() {}

    /**
     * Returns the repaired text, or {@code text} unchanged when it is not mojibake:
     * it holds a character above U+00FF, or its Latin-1 bytes are not valid UTF-8.
     */
    public static String repair(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        boolean beyondAscii = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 0xFF) {
                return text;
            }
            beyondAscii |= c > 0x7F;
        }
        if (!beyondAscii) {
            return text;
        }
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return text; // proper Latin-1 text such as "café" is not valid UTF-8: leave it alone
        }
    }
}
