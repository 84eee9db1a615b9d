package dev.photosearch.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MojibakeTest {

    @Test
    void repairsUtf8BytesShownAsLatin1() {
        assertEquals("café 🐈", Mojibake.repair("caf\u00c3\u00a9 \u00f0\u009f\u0090\u0088"));
    }

    @Test
    void leavesProperLatin1TextAlone() {
        assertEquals("café", Mojibake.repair("café"));
    }

    @Test
    void leavesTextBeyondLatin1Alone() {
        assertEquals("Ã© and 🐈", Mojibake.repair("Ã© and 🐈"));
    }

    @Test
    void leavesAsciiAndEmptyAlone() {
        assertEquals("plain", Mojibake.repair("plain"));
        assertEquals("", Mojibake.repair(""));
    }
}
