package dev.photosearch.search;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What {@link QueryInterpreter} read in a query: the words left to search, the date interval and the place it
 * understood, and where in the query it read them (for removable chips: reading the query again with that
 * {@link Kind} left {@code literal} undoes one).
 *
 * @param words the query without the spans read; the query itself, untouched, when nothing was read
 * @param from  the first instant of the date interval, inclusive; null when it has no start or no date was read
 * @param to    the last second of the interval, inclusive ({@code 23:59:59} of its last day in the interpreter's
 *              zone), as the index compares whole seconds; null when it has no end or no date was read
 * @param place the place's name as the query or the collection spells it; null when none was read
 * @param spans where each reading lies in the query, in the order they appear
 */
public record Interpretation(String words, Instant from, Instant to, String place, List<Span> spans) {

    /** What a span of the query was read as. */
    public enum Kind { DATE, PLACE }

    /**
     * A part of the query that was read, with the cue words that introduced it ("in Paris", "l'été dernier").
     *
     * @param start the offset of its first char in the query
     * @param end   the offset after its last char
     * @param text  the query's text there
     */
    public record Span(Kind kind, int start, int end, String text) {
        public Span {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(text, "text");
        }
    }

    public Interpretation {
        Objects.requireNonNull(words, "words");
        spans = List.copyOf(spans);
    }

    /**
     * The words with the place's name after them: what text signals search when the place is also sought in
     * captions (an Instagram export has no place field: "Revere Beach" is only in its caption).
     */
    public String wordsWithPlace() {
        return place == null ? words : (words + " " + place).strip();
    }
}
