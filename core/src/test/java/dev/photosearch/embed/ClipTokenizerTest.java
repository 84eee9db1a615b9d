package dev.photosearch.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.photosearch.testing.TinyTokenizers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CLIP tokenisation through a tokenizer.json with CLIP's pipeline and a cut-down vocabulary, against the ids
 * published for CLIP ("a photo of a cat" → 49406 320 1125 539 320 2368 49407; "dog" is 1929).
 */
class ClipTokenizerTest {

    @TempDir
    static Path dir;

    static ClipTokenizer tokenizer;

    @BeforeAll
    static void load() throws IOException {
        tokenizer = ClipTokenizer.clip(TinyTokenizers.clip(dir.resolve("tokenizer.json")));
    }

    @AfterAll
    static void close() {
        tokenizer.close();
    }

    private static long[] head(long[] ids, int n) {
        return Arrays.copyOf(ids, n);
    }

    @Test
    void matchesThePublishedIds() {
        ClipTokenizer.Tokens tokens = tokenizer.encode("a photo of a cat");
        assertArrayEquals(new long[] {49406, 320, 1125, 539, 320, 2368, 49407}, head(tokens.ids(), 7));
        assertArrayEquals(new long[] {49406, 320, 1125, 539, 320, 1929, 49407},
                head(tokenizer.encode("a photo of a dog").ids(), 7));
    }

    @Test
    void lowerCasesAndFoldsWhiteSpaceLikeClip() {
        assertArrayEquals(tokenizer.encode("a photo of a cat").ids(), tokenizer.encode("A  Photo\tof a CAT").ids());
    }

    @Test
    void padsTo77WithTheEndTokenAndMasksThePadding() {
        ClipTokenizer.Tokens tokens = tokenizer.encode("a cat");
        assertEquals(77, tokens.ids().length);
        assertArrayEquals(new long[] {49406, 320, 2368, 49407, 49407}, head(tokens.ids(), 5));
        assertEquals(49407, tokens.ids()[76]);
        assertEquals(4, LongStream.of(tokens.mask()).sum());
        assertEquals(1, tokens.mask()[3]);
        assertEquals(0, tokens.mask()[4]);
    }

    @Test
    void cutsLongTextTo77KeepingTheEndToken() {
        ClipTokenizer.Tokens tokens = tokenizer.encode("cat ".repeat(100));
        assertEquals(77, tokens.ids().length);
        assertEquals(49406, tokens.ids()[0]);
        assertEquals(2368, tokens.ids()[75]);
        assertEquals(49407, tokens.ids()[76]);
        assertEquals(77, LongStream.of(tokens.mask()).sum());
    }
}
