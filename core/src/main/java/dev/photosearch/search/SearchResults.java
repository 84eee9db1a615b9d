package dev.photosearch.search;

import java.util.List;

/**
 * The answer to one query.
 *
 * @param query  the query as searched (trimmed and capped)
 * @param total  how many photos any signal found, up to the candidate depth
 * @param hits   the requested page of results, best first
 * @param tookMs time spent, query embedding included
 */
public record SearchResults(String query, int total, List<Hit> hits, long tookMs) {
    public SearchResults {
        hits = List.copyOf(hits);
    }
}
