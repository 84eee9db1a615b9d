package dev.photosearch.search;

import dev.photosearch.index.PhotoFilter;
import java.time.Instant;

/**
 * One search as asked: the words, the page, optional filters and the order.
 *
 * @param query  the description in plain words
 * @param limit  results per page, at least 1
 * @param offset results to skip, at least 0
 * @param source only photos of this source key; null for all
 * @param from   only photos taken at or after this instant; null for no lower bound
 * @param to     only photos taken at or before this instant; null for no upper bound
 * @param sort   relevance (fused score) or date (newest first among the same candidates)
 */
public record SearchRequest(String query, int limit, int offset, String source, Instant from, Instant to, Sort sort) {

    /** Result order. */
    public enum Sort { RELEVANCE, DATE }

    public SearchRequest {
        if (limit < 1 || offset < 0) {
            throw new IllegalArgumentException("limit must be at least 1 and offset at least 0");
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("'from' is after 'to'");
        }
        sort = sort == null ? Sort.RELEVANCE : sort;
    }

    /** A page of results by relevance, with no filter. */
    public static SearchRequest of(String query, int limit, int offset) {
        return new SearchRequest(query, limit, offset, null, null, null, Sort.RELEVANCE);
    }

    /** The photos the request looks at. */
    public PhotoFilter filter() {
        return filtered() ? new PhotoFilter(source, from, to) : PhotoFilter.NONE;
    }

    /** True when a filter narrows the photos searched. */
    public boolean filtered() {
        return source != null || from != null || to != null;
    }
}
