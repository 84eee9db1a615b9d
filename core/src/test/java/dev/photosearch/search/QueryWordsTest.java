package dev.photosearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.photosearch.search.QueryWords.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueryWordsTest {

    private static final QueryWords WORDS = QueryWords.load();

    /** Every month, season, period, unit and number has its words in every language of the file. */
    @Test
    void everyLanguageSaysEveryDate() throws IOException {
        Set<String> complete = Set.of("month", "season", "relative", "unit", "number", "shift", "cue", "article",
                "from", "to", "between", "and", "since", "before", "after", "until", "place-cue");
        List<String> missing = new ArrayList<>();
        List<String> lines;
        try (InputStream in = QueryWords.class.getResourceAsStream("query-words.tsv")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        }
        String[] languages = lines.get(0).split("\t");
        for (String line : lines.subList(1, lines.size())) {
            String[] columns = line.split("\t");
            for (int column = 2; column < languages.length && complete.contains(columns[0]); column++) {
                if (columns[column].equals("-")) {
                    missing.add(columns[0] + " " + columns[1] + " in " + languages[column]);
                }
            }
        }
        assertEquals(List.of(), missing);
        assertEquals(12 + 4 + 9 + 10, lines.stream().filter(line -> line.matches("(month|season|relative|number)\t.*"))
                .count(), "12 months, 4 seasons, 9 periods, numbers 1 to 10");
    }

    /** Case and accents are ignored, but not in words of one or two letters: "à" is not the article "a". */
    @Test
    void accentsCountOnlyInShortWords() {
        assertEquals("summer", match("ÉTÉ", Kind.SEASON).value());
        assertEquals("summer", match("ete", Kind.SEASON).value());
        assertEquals("autumn", match("otono", Kind.SEASON).value());
        assertNotNull(match("à", Kind.PLACE_CUE));
        assertNull(match("a", Kind.PLACE_CUE));
        assertEquals("1", match("a", Kind.NUMBER).value());
    }

    /** An expression of several words is matched whole, the longest first, with at most one mark between words. */
    @Test
    void theLongestExpressionWins() {
        QueryWords.Match match = WORDS.match(QueryTokens.of("ce mois-ci"), 0, Kind.RELATIVE);
        assertEquals(new QueryWords.Match("month 0", 3), match);
        assertEquals(new QueryWords.Match("day -1", 1), WORDS.match(QueryTokens.of("hier"), 0, Kind.RELATIVE));
        assertNull(WORDS.match(QueryTokens.of("il y! a"), 0, Kind.AGO), "an exclamation mark cuts it");
        assertEquals(3, WORDS.match(QueryTokens.of("il  y a"), 0, Kind.AGO).end());
    }

    private static QueryWords.Match match(String word, Kind kind) {
        return WORDS.match(QueryTokens.of(word), 0, kind);
    }
}
