package dev.photosearch.search;

import java.util.List;

/**
 * The answer to one query.
 *
 * @param query       the query as searched (trimmed and capped)
 * @param candidates  how many photos any signal found, up to the candidate depth: the results there are to page
 * @param matches     how many of them are likely matches; they come first
 * @param hits        the requested page of results, likely matches first
 * @param tookMs      time spent, query embedding included
 * @param interpreted the dates and the place read in the query, and the words left to search
 */
public record SearchResults(String query, int candidates, int matches, List<Hit> hits, long tookMs,
        Interpretation interpreted) {
    public SearchResults {
        hits = List.copyOf(hits);
    }

    /** The same answer, said to have taken {@code ms}. */
    SearchResults took(long ms) {
        return new SearchResults(query, candidates, matches, hits, ms, interpreted);
    }
}
