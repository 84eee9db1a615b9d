package dev.photosearch.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/** Opens the Lucene directory of an index for reading, with one clear message when there is no index yet. */
final class IndexDirectory {

    /** Builds a reader of the open directory; it owns the directory once built. */
    @FunctionalInterface
    interface Opener<T> {
        T open(Directory directory) throws IOException;
    }

    private IndexDirectory() {}

    /** Opens {@code indexDir} and hands it to {@code opener}; the directory is closed again if that fails. */
    static <T> T open(Path indexDir, Opener<T> opener) throws IOException {
        if (!Files.isDirectory(indexDir)) {
            throw noIndex(indexDir, null);
        }
        Directory directory = FSDirectory.open(indexDir);
        try {
            return opener.open(directory);
        } catch (IndexNotFoundException e) {
            directory.close();
            throw noIndex(indexDir, e);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    private static IOException noIndex(Path indexDir, IndexNotFoundException cause) {
        return new NothingIndexedException("the index in " + indexDir, cause);
    }
}
