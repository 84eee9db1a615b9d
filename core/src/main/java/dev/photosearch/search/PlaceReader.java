package dev.photosearch.search;

import dev.photosearch.search.QueryWords.Kind;
import dev.photosearch.search.QueryWords.Match;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Finds the first place named among a query's words (the rules are in {@link QueryInterpreter}'s Javadoc): after a
 * place cue, a known place or capitalised words; without one, a known place of several words, or of one word
 * written with a capital. Immutable.
 */
final class PlaceReader {

    /** A place: its words {@code [first, end)}, cue included, and its name. */
    record Reading(int first, int end, String place) {}

    private static final int LONGEST_RUN = 6;

    private final QueryWords words;
    // folded words of a known name, joined by spaces -> its spelling
    private final Map<String, String> known = new HashMap<>();
    private int longestKnown;

    /** {@code places}: names the collection knows ("Paris, France" is known as itself and as "Paris"). */
    PlaceReader(QueryWords words, Collection<String> places) {
        this.words = words;
        for (String place : places) {
            learn(place.strip());
            int comma = place.indexOf(',');
            if (comma > 0) {
                learn(place.substring(0, comma).strip());
            }
        }
    }

    private void learn(String name) {
        List<QueryTokens.Token> tokens = QueryTokens.of(name).list();
        if (!tokens.isEmpty()) {
            known.putIfAbsent(key(tokens), name);
            longestKnown = Math.max(longestKnown, tokens.size());
        }
    }

    private static String key(List<QueryTokens.Token> tokens) {
        return tokens.stream().map(QueryTokens.Token::folded).collect(Collectors.joining(" "));
    }

    /** The first place among the words not {@code taken} (by a date), or null when none. */
    Reading first(QueryTokens text, boolean[] taken) {
        for (int i = 0; i < text.size(); i++) {
            Reading reading = taken[i] ? null : afterCue(text, taken, i);
            reading = reading != null ? reading : bareKnown(text, taken, i);
            if (reading != null) {
                return reading;
            }
        }
        return null;
    }

    private Reading afterCue(QueryTokens text, boolean[] taken, int i) {
        Match cue = words.match(text, i, Kind.PLACE_CUE);
        if (cue == null || !free(taken, i, cue.end()) || !text.joined(cue.end())) {
            return null;
        }
        Reading name = named(text, taken, i, cue.end());
        Match article = name == null ? words.match(text, cue.end(), Kind.ARTICLE) : null;
        if (article != null && free(taken, cue.end(), article.end()) && text.joined(article.end())) {
            name = named(text, taken, i, article.end());
        }
        return name;
    }

    /** A known place or capitalised words at {@code at}, read as from word {@code first}. */
    private Reading named(QueryTokens text, boolean[] taken, int first, int at) {
        Reading place = known(text, taken, first, at);
        return place != null ? place : capitalised(text, taken, first, at);
    }

    private Reading bareKnown(QueryTokens text, boolean[] taken, int at) {
        Reading place = known(text, taken, at, at);
        boolean oneWord = place != null && place.end() - at == 1;
        return oneWord && !(text.get(at).capitalised() && text.capitalsTell()) ? null : place;
    }

    /** The longest known name at {@code at}. */
    private Reading known(QueryTokens text, boolean[] taken, int first, int at) {
        int end = at;
        while (end < text.size() && end - at < longestKnown && !taken[end] && (end == at || text.joined(end))) {
            end++;
        }
        for (; end > at; end--) {
            String name = known.get(key(text.list().subList(at, end)));
            if (name != null) {
                return new Reading(first, end, name);
            }
        }
        return null;
    }

    /**
     * Capitalised words ("Revere Beach", "Rio de Janeiro", "Aix-en-Provence") when capitals tell names in this
     * query; not a possessive ("in Bob's car"), nor a word such as "Christmas".
     */
    private Reading capitalised(QueryTokens text, boolean[] taken, int first, int at) {
        if (!text.capitalsTell() || !nameWord(text, taken, at)) {
            return null;
        }
        int end = at + 1;
        while (end < text.size() && end - at < LONGEST_RUN) {
            int next = end;
            Match link = nameWord(text, taken, next) ? null : words.match(text, next, Kind.NAME_LINK);
            next = link == null ? next : link.end();
            if (!nameWord(text, taken, next) || !free(taken, end, next) || !inName(text, end, next)) {
                break;
            }
            end = next + 1;
        }
        if (end < text.size() && text.get(end).lower().equals("s") && text.get(end).gap().matches("['’]")) {
            return null;
        }
        return new Reading(first, end, text.text().substring(text.get(at).start(), text.get(end - 1).end()));
    }

    /**
     * A capitalised word that may be part of a name: not "Christmas", "Monday" or "English", nor a month or a season
     * (a date left as words when its reading was undone).
     */
    private boolean nameWord(QueryTokens text, boolean[] taken, int at) {
        return at < text.size() && !taken[at] && text.get(at).capitalised()
                && words.match(text, at, Kind.NOT_PLACE) == null && words.match(text, at, Kind.MONTH) == null
                && words.match(text, at, Kind.SEASON) == null;
    }

    /** Whether words {@code [from, to]} follow each other as in one name: no comma between them. */
    private static boolean inName(QueryTokens text, int from, int to) {
        for (int i = from; i <= to; i++) {
            if (!text.joined(i) || text.get(i).gap().contains(",")) {
                return false;
            }
        }
        return true;
    }

    private static boolean free(boolean[] taken, int from, int to) {
        for (int i = from; i < to; i++) {
            if (taken[i]) {
                return false;
            }
        }
        return true;
    }
}
