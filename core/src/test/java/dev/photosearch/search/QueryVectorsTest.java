package dev.photosearch.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.photosearch.embed.TextEncoder;
import dev.photosearch.embed.TextModel;
import org.junit.jupiter.api.Test;

/** Recent query embeddings are reused; the least recently used one is forgotten first. */
class QueryVectorsTest {

    @Test
    void repeatsAreServedFromMemoryUntilEvicted() {
        TextEncoder encoder = TextEncoder.load(TextModel.BGE_SMALL);
        QueryVectors vectors = new QueryVectors(encoder, 2);
        float[] cat = vectors.of("cat");
        assertSame(cat, vectors.of("cat"));
        assertArrayEquals(encoder.encodeQuery("cat"), cat, 1e-6f);
        float[] dog = vectors.of("dog");
        vectors.of("cat"); // cat is now the most recent, dog the eldest
        vectors.of("boat");
        assertSame(cat, vectors.of("cat"));
        float[] dogAgain = vectors.of("dog");
        assertNotSame(dog, dogAgain, "dog was forgotten and encoded again");
        assertArrayEquals(dog, dogAgain, 1e-6f);
    }
}
