package dev.photosearch.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.photosearch.embed.TextModel;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexFormatTest {

    @TempDir
    Path dir;

    private void commitWith(Map<String, String> data) throws IOException {
        try (FSDirectory directory = FSDirectory.open(dir);
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            writer.setLiveCommitData(data.entrySet());
            writer.commit();
        }
    }

    @Test
    void aNewerFormatIsRefusedByBothSidesWithOneLineSayingWhatToDo() throws IOException {
        commitWith(Map.of(IndexFormat.FORMAT_KEY, "99", IndexFormat.TEXT_MODEL_KEY, TextModel.BGE_SMALL.id()));
        PhotoStore store = PhotoStore.embedded(dir);
        for (ThrowingOpen open : List.<ThrowingOpen>of(store::reader, store::writer)) {
            IOException e = assertThrows(IOException.class, open::open);
            assertTrue(e.getMessage().contains("format 99, newer than this PhotoSearch's (2)"), e.getMessage());
            assertTrue(e.getMessage().contains("run a newer photosearch"), e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
        }
    }

    @Test
    void anOlderFormatIsRefusedByReadersSayingWhatToRun() throws IOException {
        commitWith(Map.of(IndexFormat.FORMAT_KEY, "1"));
        IOException e = assertThrows(IOException.class, () -> PhotoStore.embedded(dir).reader());
        assertTrue(e.getMessage().contains("older format 1: run 'photosearch setup' once to upgrade it"),
                e.getMessage());
    }

    @Test
    void aWriterUpgradesAnOlderIndexKeepingEveryPhotoAndVector() throws IOException {
        TextModel model = TextModel.BGE_SMALL;
        ImageVector image = new ImageVector("clip-test", new float[] {0.6f, 0.8f});
        try (StoreWriter writer = PhotoStore.embedded(dir).writer()) {
            writer.upsert(StoreFixtures.photo("a.jpg", "a red boat", null), new float[] {1, 0, 0}, model, image);
            writer.upsert(StoreFixtures.photo("b.jpg", "a dog", null), null, model, null);
            writer.commit(model);
        }
        // Format 1 was every index before formats were recorded.
        try (FSDirectory directory = FSDirectory.open(dir);
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            writer.setLiveCommitData(Map.of(IndexFormat.TEXT_MODEL_KEY, model.id()).entrySet());
            writer.commit();
        }
        try (StoreWriter writer = PhotoStore.embedded(dir).writer()) {
            assertEquals(2, writer.stored(List.of(StoreFixtures.id("a.jpg"), StoreFixtures.id("b.jpg"))).size());
        }
        try (StoreReader reader = PhotoStore.embedded(dir).reader(); StoreView view = reader.view()) {
            assertEquals(2, view.size());
            String a = StoreFixtures.id("a.jpg");
            assertEquals("a red boat", view.photos(List.of(a)).get(a).photo().caption());
            assertArrayEquals(new float[] {1, 0, 0}, view.textVector(a).orElseThrow(), 1e-6f);
            assertEquals("clip-test", view.imageVector(a).orElseThrow().model());
            assertTrue(view.textVector(StoreFixtures.id("b.jpg")).isEmpty());
            assertEquals(model, view.textModel().orElseThrow());
        }
        try (FSDirectory directory = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(directory)) {
            assertEquals("2", reader.getIndexCommit().getUserData().get(IndexFormat.FORMAT_KEY));
        }
    }

    @Test
    void readingAnEmptyFolderSaysNothingWasIndexed() {
        IOException e = assertThrows(NothingIndexedException.class, () -> PhotoStore.embedded(dir).reader());
        assertTrue(e.getMessage().contains("run 'photosearch index SOURCE' first"), e.getMessage());
    }

    @FunctionalInterface
    private interface ThrowingOpen {
        Closeable open() throws IOException;
    }
}
