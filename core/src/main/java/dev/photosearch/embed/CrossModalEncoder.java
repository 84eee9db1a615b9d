package dev.photosearch.embed;

import java.io.IOException;

/** Encodes text into CLIP's joint image-text space. Implementations must be thread-safe. */
public interface CrossModalEncoder extends AutoCloseable {

    /** An L2-normalised vector comparable with the CLIP image vectors. */
    float[] encode(String text) throws IOException;

    /** Releases the model; nothing by default. */
    @Override
    default void close() {}
}
