package dev.photosearch.search;

import dev.photosearch.search.Interpretation.Kind;
import java.time.Instant;
import java.util.Set;

/**
 * One search as asked: the words, the page, optional filters and the order.
 *
 * @param query   the description in plain words
 * @param limit   results per page, at least 1
 * @param offset  results to skip, at least 0
 * @param source  only photos of this source key; null for all
 * @param from    only photos taken at or after this instant; null for no lower bound
 * @param to      only photos taken at or before this instant; null for no upper bound
 * @param sort    relevance (likely matches first, each part by fused score) or date (newest first within each
 *                part)
 * @param literal what the query says that is left as words rather than read ({@link QueryInterpreter}): a date or a
 *                place reading the user undid
 */
public record SearchRequest(String query, int limit, int offset, String source, Instant from, Instant to, Sort sort,
        Set<Kind> literal) {

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
        literal = literal == null ? Set.of() : Set.copyOf(literal);
    }

    /** A request whose query's dates and places are all read. */
    public SearchRequest(String query, int limit, int offset, String source, Instant from, Instant to, Sort sort) {
        this(query, limit, offset, source, from, to, sort, Set.of());
    }

    /** A page of results by relevance, with no filter. */
    public static SearchRequest of(String query, int limit, int offset) {
        return new SearchRequest(query, limit, offset, null, null, null, Sort.RELEVANCE);
    }

    /** The same request for other words. */
    SearchRequest withQuery(String words) {
        return new SearchRequest(words, limit, offset, source, from, to, sort, literal);
    }
}
