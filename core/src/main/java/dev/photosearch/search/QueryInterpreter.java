package dev.photosearch.search;

import dev.photosearch.search.Interpretation.Kind;
import dev.photosearch.search.Interpretation.Span;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the date and the place said in a query, in English, French or Spanish, and leaves the other words to
 * search: "mon chat à Lyon l'été dernier" is the words "mon chat", the summer before today and the place "Lyon".
 * The words of each language are in the data file {@code query-words.tsv}; a new language is a new column there.
 * Case and accents are ignored ("ete" is "été"), except in words of one or two letters ("à" is not "a").
 *
 * <p><b>Dates.</b> The first date expression of the query is read; a later one stays words. Each names whole days
 * in the clock's zone, relative to the clock's today:
 * <ul>
 *   <li>a year: "2019", "in 2019", "en 2019", "from 2019" (a year said alone is read only as the query's last word,
 *       and not in the future: "beach 2019", but "2019 beach trip" and "2048" stay words), years 1800 to 2199;</li>
 *   <li>a month with its year: "december 2022", "juillet 2021", "julio de 2021", "july last year", "2021-07";</li>
 *   <li>a month without its year after a cue ("in july", "en juillet", "en agosto", "from may") or with "last"
 *       ("last july", "juillet dernier", "julio pasado"): the latest such month that has begun, or for "last" the
 *       latest before this month. A month alone is a word: "may flowers", "march of the penguins";</li>
 *   <li>a day: "4 july 2021", "july 4th, 2021", "le 14 juillet", "4 de julio de 2021", "2021-07-04"; without a
 *       year it is the latest such day that has come, and then needs a cue, an article, an ordinal or "of"/"de"
 *       ("on july 4", "the 4th of july", "el 4 de julio"), so "2 march" stays words. A day that does not exist
 *       (29 February 2023, 31 April) is no date;</li>
 *   <li>a season, of the northern hemisphere by whole months (spring March–May, summer June–August, autumn
 *       September–November, winter December–February, named by the year of its January: winter 2021 begins in
 *       December 2020): "summer 2023", "summer of 2019", "l'été 2023", "verano de 2023" with its year; "last
 *       summer", "l'été dernier", "el verano pasado" (the latest that has ended: in January, last year's); "this
 *       summer", "cet été" (the one we are in, else this year's). Without a year or a shift a season is words,
 *       even after a cue: "summer dress", "a fence in winter", "neige en hiver" say what the picture shows;</li>
 *   <li>a period from today: "today", "yesterday", "this week" (weeks begin on Monday), "last month", "this year",
 *       "hier", "aujourd'hui", "cette semaine", "le mois dernier", "l'an dernier", "hoy", "ayer", "el año pasado";
 *       and "3 days ago", "a year ago", "il y a 2 ans", "hace un mes": the whole day, week, month or year that
 *       held the day that many units back;</li>
 *   <li>a decade after "in the" ("in the 90s", "in the 2010s"), "dans les années" ("dans les années 90") or "en
 *       los años": a decade alone ("80s dress", "2020s") stays words, since it often says a style;</li>
 *   <li>a range: "from 2019 to 2021", "between may and july 2021", "de 2019 à 2021", "du 3 au 10 juillet",
 *       "entre 2019 et 2021", "desde 2019 hasta 2021", "2019-2021": from the first day of the earlier end to the
 *       last day of the later one ("from 2025 to 2019" is 2019 to 2025); an end without a year takes the
 *       other's;</li>
 *   <li>an open range: "since 2019", "depuis mars 2020", "desde 2019" (no end); "before 2019", "avant 2019",
 *       "antes de 2019" (to the day before); "after 2019", "après l'été 2020" (from the day after); "until 2019",
 *       "jusqu'en 2019", "hasta 2019" (to its last day).</li>
 * </ul>
 *
 * <p><b>Places</b>, without a gazetteer. The first one is read, among words that are not the date:
 * <ul>
 *   <li>after a place cue ("in", "at", "near", "from"; "à", "au", "aux", "en", "dans"; "en", "cerca de") and
 *       perhaps an article: a place the collection knows (in any case), else capitalised words that may hold
 *       small linking words ("Revere Beach", "Rio de Janeiro", "Aix-en-Provence"), when capitals tell names in
 *       this query (some word is in lower case: not "CAT IN THE SUN" nor "Dog In The Park"); not a possessive
 *       ("in Bob's car"), a holiday, a weekday or a language ("at Christmas");</li>
 *   <li>without a cue: a place the collection knows, of two words or more ("walden pond") in any case, of one word
 *       only written with a capital ("Paris 2019"; "a nice view" is not Nice).</li>
 * </ul>
 * So "a cat in the sun" keeps its words; "the beach" is a place only when the collection knows a place of that
 * name. The collection's places are given as names ("Paris, France" is known as itself and as "Paris").
 *
 * <p>Thread-safe; one instance serves every query of a collection whose places it knows.
 */
public final class QueryInterpreter {

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern PUNCTUATION_ONLY = Pattern.compile("\\p{P}+");

    private final Clock clock;
    private final QueryWords words;
    private final PlaceReader places;

    /**
     * @param clock  today and the zone in which days begin
     * @param places the place names of the collection (the photos' place field); may be empty
     */
    public QueryInterpreter(Clock clock, Collection<String> places) {
        this.clock = clock;
        this.words = QueryWords.load();
        this.places = new PlaceReader(words, places);
    }

    /** Reads the date and the place of {@code query}. */
    public Interpretation interpret(String query) {
        return interpret(query, Set.of());
    }

    /** Reads {@code query}, leaving the kinds in {@code literal} as words (a chip the user removed). */
    public Interpretation interpret(String query, Set<Kind> literal) {
        QueryTokens text = QueryTokens.of(query);
        boolean[] taken = new boolean[text.size()];
        List<Span> spans = new ArrayList<>();
        Instant from = null;
        Instant to = null;
        String place = null;
        DateReader.Reading date = literal.contains(Kind.DATE) ? null
                : new DateReader(words, text, LocalDate.now(clock)).first();
        if (date != null) {
            spans.add(take(text, taken, Kind.DATE, date.first(), date.end()));
            from = startOf(date.from());
            to = date.until() == null ? null : startOf(date.until()).minusSeconds(1);
        }
        PlaceReader.Reading named = literal.contains(Kind.PLACE) ? null : places.first(text, taken);
        if (named != null) {
            spans.add(take(text, taken, Kind.PLACE, named.first(), named.end()));
            place = named.place();
        }
        spans.sort(Comparator.comparingInt(Span::start));
        return new Interpretation(spans.isEmpty() ? query : without(query, spans), from, to, place, spans);
    }

    private Instant startOf(LocalDate day) {
        ZoneId zone = clock.getZone();
        return day == null ? null : day.atStartOfDay(zone).toInstant();
    }

    private static Span take(QueryTokens text, boolean[] taken, Kind kind, int first, int end) {
        for (int i = first; i < end; i++) {
            taken[i] = true;
        }
        int start = text.get(first).start();
        int stop = text.get(end - 1).end();
        return new Span(kind, start, stop, text.text().substring(start, stop));
    }

    /** The query without its spans, spaces collapsed and punctuation left alone dropped ("cat , " is "cat"). */
    private static String without(String query, List<Span> spans) {
        StringBuilder rest = new StringBuilder();
        int at = 0;
        for (Span span : spans) {
            rest.append(query, at, span.start()).append(' ');
            at = span.end();
        }
        rest.append(query, at, query.length());
        List<String> kept = new ArrayList<>();
        for (String piece : SPACES.split(rest.toString().strip())) {
            if (!piece.isEmpty() && !PUNCTUATION_ONLY.matcher(piece).matches()) {
                kept.add(piece);
            }
        }
        return String.join(" ", kept);
    }
}
