package dev.photosearch.embed;

import java.io.IOException;
import java.util.Optional;

/**
 * Encodes search queries into the CLIP image space: English with CLIP's own text encoder, other languages as typed
 * with the multilingual encoder when it is installed, else their English translation with CLIP's.
 */
public final class ClipQueryEncoder implements AutoCloseable {

    private final String modelId;
    private final CrossModalEncoder english;
    private final Optional<CrossModalEncoder> multilingual;

    /** {@code modelId} is the CLIP model of the image vectors these queries are compared with. */
    public ClipQueryEncoder(String modelId, CrossModalEncoder english, Optional<CrossModalEncoder> multilingual) {
        this.modelId = modelId;
        this.english = english;
        this.multilingual = multilingual;
    }

    public String modelId() {
        return modelId;
    }

    public float[] encode(QueryText query) throws IOException {
        if (query.language() == Language.ENGLISH || multilingual.isEmpty()) {
            return english.encode(query.english());
        }
        return multilingual.get().encode(query.original());
    }

    @Override
    public void close() {
        english.close();
        multilingual.ifPresent(CrossModalEncoder::close);
    }
}
