package dev.photosearch.index;

import java.time.Instant;

/**
 * Which photos a search looks at; every signal of a search sees the same ones.
 *
 * @param source only photos of this source key; null for all
 * @param from   only photos taken at or after this instant; null for no lower bound
 * @param to     only photos taken at or before this instant; null for no upper bound
 */
public record PhotoFilter(String source, Instant from, Instant to) {

    /** Every photo. */
    public static final PhotoFilter NONE = new PhotoFilter(null, null, null);

    /** True when the filter lets every photo through. */
    public boolean none() {
        return source == null && from == null && to == null;
    }
}
