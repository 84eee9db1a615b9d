package dev.photosearch.index;

/**
 * One photo of a signal's ranking.
 *
 * @param id    the photo's id
 * @param score the signal's own score: BM25, or the cosine score (1 + cos) / 2
 */
public record Ranked(String id, float score) {}
