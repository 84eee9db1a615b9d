package dev.photosearch.search;

import dev.photosearch.embed.TextEncoder;
import java.util.Map;

/**
 * Query embeddings, remembered for the most recent distinct queries: paging through results, filtering or sorting
 * them, and several people asking the same words embed the text once. Thread-safe.
 */
final class QueryVectors {

    private final TextEncoder encoder;
    private final Map<String, float[]> recent;

    QueryVectors(TextEncoder encoder, int capacity) {
        this.encoder = encoder;
        this.recent = new RecentlyUsed<>(capacity);
    }

    /** The embedding of {@code text}; callers must not change the array. */
    float[] of(String text) {
        synchronized (recent) {
            float[] known = recent.get(text);
            if (known != null) {
                return known;
            }
        }
        // Encoded outside the lock: two threads may encode the same new text once each, which is harmless.
        float[] vector = encoder.encodeQuery(text);
        synchronized (recent) {
            recent.put(text, vector);
        }
        return vector;
    }
}
