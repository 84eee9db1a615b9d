package dev.photosearch.embed;

/**
 * A query as typed, the language it was read in, and its words in English for the English-only signals.
 *
 * @param original the query as typed
 * @param language the language it was read in
 * @param english  the query in English: the original itself when it is English or could not be translated
 */
public record QueryText(String original, Language language, String english) {

    /** A query typed in English. */
    public static QueryText english(String text) {
        return new QueryText(text, Language.ENGLISH, text);
    }
}
