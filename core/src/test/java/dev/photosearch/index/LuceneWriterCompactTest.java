package dev.photosearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.photosearch.embed.TextModel;
import dev.photosearch.source.Photo;
import dev.photosearch.vision.Description;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fragmented index is merged into one segment; a tidy one is left alone. */
class LuceneWriterCompactTest {

    @TempDir
    Path dir;

    private static void add(LuceneWriter index, int n) throws IOException {
        String path = n + ".jpg";
        Photo photo = new Photo(Photo.idFor("test", path), "test", path, null, null, null, "photo " + n, List.of(),
                List.of(), "", "", false, Map.of(), "fp");
        float[] vector = new float[TextModel.BGE_SMALL.dimension()];
        vector[n % vector.length] = 1;
        index.upsert(new IndexedPhoto(photo, null, null, null, List.of(), new Description("photo " + n, ""), "fp"),
                vector, TextModel.BGE_SMALL, null);
    }

    /** Segments and deleted photos of the committed index. */
    private int[] shape() throws IOException {
        try (var directory = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(directory)) {
            return new int[] {reader.leaves().size(), reader.numDocs(), reader.numDeletedDocs()};
        }
    }

    @Test
    void manySegmentsAreMergedIntoOne() throws IOException {
        try (LuceneWriter index = LuceneWriter.open(dir)) {
            for (int commit = 0; commit <= LuceneWriter.MOST_SEGMENTS; commit++) {
                add(index, commit);
                index.commit(TextModel.BGE_SMALL);
            }
            assertEquals(LuceneWriter.MOST_SEGMENTS + 1, shape()[0]);
            assertTrue(index.compact(TextModel.BGE_SMALL));
        }
        int[] shape = shape();
        assertEquals(1, shape[0]);
        assertEquals(LuceneWriter.MOST_SEGMENTS + 1, shape[1]);
    }

    @Test
    void manyReplacedPhotosAreMergedAway() throws IOException {
        try (LuceneWriter index = LuceneWriter.open(dir)) {
            for (int n = 0; n < 10; n++) {
                add(index, n);
            }
            index.commit(TextModel.BGE_SMALL);
            add(index, 0);
            add(index, 1);
            index.commit(TextModel.BGE_SMALL);
            assertEquals(2, shape()[2]);
            assertTrue(index.compact(TextModel.BGE_SMALL));
        }
        assertEquals(0, shape()[2]);
        assertEquals(10, shape()[1]);
    }

    @Test
    void aTidyIndexIsLeftAsItIs() throws IOException {
        try (LuceneWriter index = LuceneWriter.open(dir)) {
            for (int commit = 0; commit < LuceneWriter.MOST_SEGMENTS; commit++) {
                add(index, commit);
                index.commit(TextModel.BGE_SMALL);
            }
            assertFalse(index.compact(TextModel.BGE_SMALL));
        }
        assertEquals(LuceneWriter.MOST_SEGMENTS, shape()[0]);
    }
}
