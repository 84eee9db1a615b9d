package dev.photosearch.search;

import dev.photosearch.index.IndexedPhoto;
import java.util.Map;

/**
 * One search result.
 *
 * @param photo   the stored photo
 * @param score   fused score in (0, 1]: 1 means ranked first by every signal
 * @param matched for each signal that found the photo ("text", "vector", "clip"), its rank there (1 = best)
 * @param likely  whether it is likely what was asked for (see {@link LikelyMatches}); false for similar photos
 */
public record Hit(IndexedPhoto photo, double score, Map<String, Integer> matched, boolean likely) {
    public Hit {
        matched = Map.copyOf(matched);
    }
}
