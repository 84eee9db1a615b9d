package dev.photosearch.index;

import dev.photosearch.embed.TextModel;
import java.io.Closeable;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * The write side of a {@link PhotoStore}, as {@link Indexer} uses it. Writes become visible and durable at
 * {@link #commit}; a crash before it loses only uncommitted photos, which the next run indexes again.
 */
public interface StoreWriter extends Closeable {

    /** What is committed of every photo of one source, by id. */
    Map<String, StoredState> states(String sourceKey) throws IOException;

    /** The committed photos with these ids and their vectors, by id; ids not in the store are left out. */
    Map<String, StoredPhoto> stored(Collection<String> ids) throws IOException;

    /**
     * A committed photo of each of these images, by the SHA-256 of the image file, from whichever source; images
     * not in the store are left out.
     */
    Map<String, StoredPhoto> storedByContent(Collection<String> sha256s) throws IOException;

    /** Adds or replaces the photo with its text vector and CLIP image vector (either may be null). */
    void upsert(IndexedPhoto entry, float[] vector, TextModel model, ImageVector image) throws IOException;

    /** Removes the photos with these ids. */
    void delete(Collection<String> ids) throws IOException;

    /** Removes every photo of one source and commits; returns the ids removed, whose thumbnails the caller deletes. */
    Set<String> removeSource(String sourceKey) throws IOException;

    /** Makes every change so far durable and visible, recording which text model made the vectors. */
    void commit(TextModel model) throws IOException;

    /** Merges a fragmented store so that searches walk fewer graphs; returns whether it did. */
    boolean compact(TextModel model) throws IOException;

    /** Creates an empty store when there is none, so that readers can open it; else does nothing. */
    void createIfAbsent(TextModel model) throws IOException;
}
