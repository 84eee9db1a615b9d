package dev.photosearch.index;

/**
 * A query's words as each language's analysis of the text fields reads them.
 *
 * @param english what the English analysis reads: the query, or its English translation
 * @param french  what the French analysis reads: the query as typed
 */
public record TextWords(String english, String french) {}
