package dev.photosearch.index;

import dev.photosearch.embed.TextModel;
import java.io.Closeable;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What one search reads from a {@link PhotoStore}: each signal's ranking as photo ids, and the stored photos by
 * id. Fusion, paging, sorting and explanations are the caller's, identical for every store. The embedded store
 * answers every call of one view from the same commit; a Solr collection answers each from its latest.
 */
public interface StoreView extends Closeable {

    /**
     * Equal for two views of the same committed photos, so that a result page computed on one serves the other;
     * a store that cannot tell gives a new object per view.
     */
    Object version();

    /** How many photos the store holds. */
    int size() throws IOException;

    /** The text model that made the stored description vectors, when any photo was committed. */
    Optional<TextModel> textModel() throws IOException;

    /** Every source key with how many photos it has, in key order. */
    Map<String, Integer> sources() throws IOException;

    /** BM25 over the text fields, best first, at most {@code depth} photos; ties by id. */
    List<Ranked> matching(TextWords words, PhotoFilter filter, int depth) throws IOException;

    /**
     * The photos whose vectors of this kind, made by {@code model}, are nearest to {@code vector}, best first, at
     * most {@code depth}; each score is the cosine score (1 + cos) / 2.
     */
    List<Ranked> nearest(VectorKind kind, String model, float[] vector, PhotoFilter filter, int depth)
            throws IOException;

    /**
     * A page of the photos {@code filter} lets through in date order ({@code newestFirst} or oldest first), photos
     * without a date last, equal dates by id; with how many photos the filter lets through.
     */
    Listing list(PhotoFilter filter, boolean newestFirst, int offset, int limit) throws IOException;

    /** The stored photos with these ids, by id; ids not in the store are left out. */
    Map<String, IndexedPhoto> photos(Collection<String> ids) throws IOException;

    /** When each of these photos was taken, in epoch seconds, by id; photos without a date are left out. */
    Map<String, Long> takenAt(Collection<String> ids) throws IOException;

    /** The photo's stored description vector; empty when it has none or is unknown. */
    Optional<float[]> textVector(String id) throws IOException;

    /** The photo's stored CLIP image vector with its model; empty when it has none or is unknown. */
    Optional<ImageVector> imageVector(String id) throws IOException;

    /** The id of the photo with this id, or else with this path relative to its source. */
    Optional<String> idOf(String idOrPath) throws IOException;

    /** Hands every stored photo to {@code visitor}, in no particular order. */
    void forEach(Consumer<IndexedPhoto> visitor) throws IOException;
}
