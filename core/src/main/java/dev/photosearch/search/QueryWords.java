package dev.photosearch.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words with which a query says when and where, in every language of the data file {@code query-words.tsv}
 * (one column per language): which word is a month, a season, a cue such as "in" or "depuis"... Immutable.
 */
final class QueryWords {

    /** The part a word plays; the data file's first column, in lower case with '-' for '_'. */
    enum Kind {
        MONTH, SEASON, RELATIVE, UNIT, NUMBER, AGO, SHIFT, CUE, ARTICLE, OF, DECADE, FROM, TO, BETWEEN, AND, SINCE,
        BEFORE, AFTER, UNTIL, PLACE_CUE, NAME_LINK, NOT_PLACE
    }

    /**
     * A phrase found in a text.
     *
     * @param value what it means (the data file's second column)
     * @param end   the index of the word after it
     */
    record Match(String value, int end) {}

    /** One word of a phrase: matched on its folded form, or on its lower case when it is this short. */
    private record Word(String lower, String folded) {
        private static final int EXACT_UP_TO = 2;

        boolean matches(QueryTokens.Token token) {
            return lower.codePointCount(0, lower.length()) <= EXACT_UP_TO
                    ? lower.equals(token.lower()) : folded.equals(token.folded());
        }
    }

    private record Phrase(List<Word> words, String value) {}

    private static final String FILE = "query-words.tsv";

    // kind -> folded first word -> the phrases that begin with it
    private final Map<Kind, Map<String, List<Phrase>>> phrases;

    private QueryWords(Map<Kind, Map<String, List<Phrase>>> phrases) {
        this.phrases = phrases;
    }

    /** Reads the data file shipped with the application. */
    static QueryWords load() {
        try (InputStream in = QueryWords.class.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is missing from the application");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE, e);
        }
    }

    private static QueryWords parse(BufferedReader in) throws IOException {
        Map<Kind, Map<String, List<Phrase>>> phrases = new EnumMap<>(Kind.class);
        int width = 0;
        int lineNo = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t", -1);
            if (width == 0) { // the header: kind, value, then one column per language
                width = columns.length;
                continue;
            }
            if (columns.length != width) {
                throw new IllegalStateException(FILE + " line " + lineNo + ": expected " + width
                        + " tab-separated columns");
            }
            Kind kind = Kind.valueOf(columns[0].toUpperCase(Locale.ROOT).replace('-', '_'));
            for (int column = 2; column < columns.length; column++) {
                for (String text : columns[column].split(",")) {
                    add(phrases, kind, text.strip(), columns[1]);
                }
            }
        }
        return new QueryWords(phrases);
    }

    private static void add(Map<Kind, Map<String, List<Phrase>>> phrases, Kind kind, String text, String value) {
        if (text.equals("-")) {
            return;
        }
        List<Word> words = QueryTokens.of(text).list().stream().map(t -> new Word(t.lower(), t.folded())).toList();
        if (words.isEmpty()) {
            throw new IllegalStateException(FILE + ": \"" + text + "\" has no word");
        }
        phrases.computeIfAbsent(kind, k -> new HashMap<>())
                .computeIfAbsent(words.get(0).folded(), k -> new ArrayList<>())
                .add(new Phrase(words, value));
    }

    /** The longest phrase of {@code kind} that begins at word {@code at} of {@code text}; null when none. */
    Match match(QueryTokens text, int at, Kind kind) {
        if (at >= text.size()) {
            return null;
        }
        Match best = null;
        for (Phrase phrase : phrases.getOrDefault(kind, Map.of()).getOrDefault(text.get(at).folded(), List.of())) {
            if (matches(phrase, text, at) && (best == null || at + phrase.words().size() > best.end())) {
                best = new Match(phrase.value(), at + phrase.words().size());
            }
        }
        return best;
    }

    private static boolean matches(Phrase phrase, QueryTokens text, int at) {
        List<Word> words = phrase.words();
        if (at + words.size() > text.size()) {
            return false;
        }
        for (int i = 0; i < words.size(); i++) {
            if (!words.get(i).matches(text.get(at + i)) || (i > 0 && !text.joined(at + i))) {
                return false;
            }
        }
        return true;
    }
}
