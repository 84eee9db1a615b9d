package dev.photosearch.index;

import java.io.IOException;
import java.nio.file.Path;

/** The embedded store: a Lucene index in one folder, the default that needs nothing. */
final class LuceneStore implements PhotoStore {

    private final Path dir;

    LuceneStore(Path dir) {
        this.dir = dir;
    }

    @Override
    public StoreWriter writer() throws IOException {
        return LuceneWriter.open(dir);
    }

    @Override
    public StoreReader reader() throws IOException {
        return LuceneReader.open(dir);
    }

    @Override
    public String describe() {
        return "the index in " + dir;
    }

    /** Nothing to close: each side owns its own files. */
    @Override
    public void close() {}
}
