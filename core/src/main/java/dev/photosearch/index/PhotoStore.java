package dev.photosearch.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Where the photos are kept: the embedded Lucene folder (the default, needing nothing) or a Solr collection shared
 * by a team. It opens the write side, used by indexing, and the read side, used by searches; both see the same
 * photos once committed. Closing it closes the connection both sides share.
 */
public interface PhotoStore extends Closeable {

    /**
     * Opens the write side. The embedded store lets one process write at a time and fails clearly when another
     * has it; a Solr collection takes several writers at once.
     */
    StoreWriter writer() throws IOException;

    /** Opens the read side; it fails with one line saying what to run when there is nothing to read yet. */
    StoreReader reader() throws IOException;

    /** Where the store is, for people: "the index in DIR", "Solr collection NAME at URL". */
    String describe();

    /** The embedded Lucene store in {@code dir}. */
    static PhotoStore embedded(Path dir) {
        return new LuceneStore(dir);
    }
}
