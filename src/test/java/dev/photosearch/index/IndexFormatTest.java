package dev.photosearch.index;

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
            assertTrue(e.getMessage().contains("format 99, newer than this PhotoSearch's (1)"), e.getMessage());
            assertTrue(e.getMessage().contains("run a newer photosearch"), e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
        }
    }

    @Test
    void anOlderFormatIsRefusedSayingToIndexAgain() throws IOException {
        commitWith(Map.of(IndexFormat.FORMAT_KEY, "0"));
        IOException e = assertThrows(IOException.class, () -> PhotoStore.embedded(dir).writer());
        assertTrue(e.getMessage().contains("run 'photosearch index SOURCE...' again"), e.getMessage());
    }

    @Test
    void anIndexFromBeforeFormatsWereRecordedOpensAndIsStampedAtItsNextCommit() throws IOException {
        commitWith(Map.of(IndexFormat.TEXT_MODEL_KEY, TextModel.BGE_SMALL.id()));
        try (StoreWriter writer = PhotoStore.embedded(dir).writer()) {
            writer.commit(TextModel.BGE_SMALL);
        }
        try (StoreReader reader = PhotoStore.embedded(dir).reader(); StoreView view = reader.view()) {
            assertEquals(TextModel.BGE_SMALL, view.textModel().orElseThrow());
        }
        try (var directory = FSDirectory.open(dir);
                DirectoryReader reader = DirectoryReader.open(directory)) {
            assertEquals("1", reader.getIndexCommit().getUserData().get(IndexFormat.FORMAT_KEY));
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
