package dev.photosearch.search;

import dev.photosearch.search.DateTerm.Days;
import dev.photosearch.search.DateTerm.Shift;
import dev.photosearch.search.QueryWords.Kind;
import dev.photosearch.search.QueryWords.Match;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the first date expression among the words of one query, and the days it names (the grammar is in
 * {@link QueryInterpreter}'s Javadoc).
 */
final class DateReader {

    static final int MIN_YEAR = 1800;
    static final int MAX_YEAR = 2199;
    private static final int MAX_COUNT = 1000;
    private static final Pattern DAY = Pattern.compile("(\\d{1,2})(st|nd|rd|th|er|re|o)?");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern DECADE = Pattern.compile("(\\d{2}|\\d{4})(s?)");
    private static final Pattern COUNT = Pattern.compile("\\d{1,4}");

    /** A date expression: its words {@code [first, end)} and its days {@code [from, until)}, null when open. */
    record Reading(int first, int end, LocalDate from, LocalDate until) {}

    /** A date term and the index of the word after it. */
    private record Found(DateTerm term, int end) {}

    /** A number and the index of the word after it. */
    private record Counted(int value, int end) {}

    private final QueryWords words;
    private final QueryTokens text;
    private final LocalDate today;

    DateReader(QueryWords words, QueryTokens text, LocalDate today) {
        this.words = words;
        this.text = text;
        this.today = today;
    }

    /** The first date expression of the query, or null when it says no date. */
    Reading first() {
        List<IntFunction<Reading>> forms = List.of(i -> range(i, Kind.FROM, Kind.TO),
                i -> range(i, Kind.BETWEEN, Kind.AND), this::yearToYear, this::openRange, this::decade,
                this::single);
        for (int i = 0; i < text.size(); i++) {
            int at = i;
            Reading reading = forms.stream().map(form -> form.apply(at)).filter(Objects::nonNull).findFirst()
                    .orElse(null);
            if (reading != null) {
                return reading;
            }
        }
        return null;
    }

    /** "from X to Y", "entre X et Y": from the earlier end's first day to the later end's last. */
    private Reading range(int i, Kind open, Kind close) {
        Match opener = words.match(text, i, open);
        Found left = opener == null ? null : termAfter(opener.end(), true);
        Match closer = left == null ? null : joinedMatch(left.end(), close);
        Found right = closer == null ? null : termAfter(closer.end(), false);
        if (right == null) {
            return null;
        }
        Days last = right.term().days(today, today);
        // "from march to may 2021": an end said without its year takes the other's
        Days first = left.term().days(today, left.term().needsYear() ? last.end().minusDays(1) : today);
        return new Reading(i, right.end(), min(first.start(), last.start()), max(first.end(), last.end()));
    }

    /** "2019-2021". */
    private Reading yearToYear(int i) {
        Integer first = yearAt(i);
        Integer last = first == null || i + 1 >= text.size()
                || !text.get(i + 1).gap().strip().matches("[-–]") ? null : yearAt(i + 1);
        if (last == null) {
            return null;
        }
        return new Reading(i, i + 2, LocalDate.of(Math.min(first, last), 1, 1),
                LocalDate.of(Math.max(first, last) + 1, 1, 1));
    }

    /** "since X", "before X", "after X", "until X". */
    private Reading openRange(int i) {
        if (words.match(text, i, Kind.RELATIVE) != null) {
            return null; // "avant-hier" is the day before yesterday, not before yesterday
        }
        for (Kind kind : List.of(Kind.SINCE, Kind.BEFORE, Kind.AFTER, Kind.UNTIL)) {
            Match opener = words.match(text, i, kind);
            Found found = opener == null ? null : termAfter(opener.end(), false);
            if (found != null) {
                Days days = found.term().days(today, today);
                return switch (kind) {
                    case SINCE -> new Reading(i, found.end(), days.start(), null);
                    case BEFORE -> new Reading(i, found.end(), null, days.start());
                    case AFTER -> new Reading(i, found.end(), days.end(), null);
                    default -> new Reading(i, found.end(), null, days.end());
                };
            }
        }
        return null;
    }

    /** "in the 90s", "dans les années 2010": after some cues the number must end in "s". */
    private Reading decade(int i) {
        Match cue = words.match(text, i, Kind.DECADE);
        Matcher number = cue == null || !text.joined(cue.end()) ? null
                : DECADE.matcher(text.get(cue.end()).folded());
        if (number == null || !number.matches() || (number.group(2).isEmpty() && cue.value().equals("s"))) {
            return null;
        }
        int value = Integer.parseInt(number.group(1));
        int first = value;
        if (number.group(1).length() == 2) { // the latest such decade that has begun: "90" is 1990, "20" 2020
            first = today.getYear() / 100 * 100 + value;
            first = first > today.getYear() ? first - 100 : first;
        }
        if (value % 10 != 0 || first < MIN_YEAR || first > MAX_YEAR) {
            return null;
        }
        Days days = new DateTerm.Decade(first).days(today, today);
        return new Reading(i, cue.end() + 1, days.start(), days.end());
    }

    /** One date, perhaps after a cue ("in", "en", "from"). */
    private Reading single(int i) {
        Match cue = words.match(text, i, Kind.CUE);
        cue = cue != null ? cue : words.match(text, i, Kind.FROM);
        Found found = cue == null ? null : termAfter(cue.end(), false);
        found = found != null ? found : term(i, false, false);
        if (found == null) {
            return null;
        }
        Days days = found.term().days(today, today);
        return new Reading(i, found.end(), days.start(), days.end());
    }

    /** A term that goes on from the word before {@code at}, after a cue. */
    private Found termAfter(int at, boolean bareDay) {
        return text.joined(at) ? term(at, true, bareDay) : null;
    }

    /** A date term at {@code at}, perhaps after an article ("l'été dernier", "le 14 juillet"). */
    private Found term(int at, boolean cued, boolean bareDay) {
        Found found = termAt(at, cued, false, bareDay);
        Match article = found == null ? words.match(text, at, Kind.ARTICLE) : null;
        return article == null || !text.joined(article.end()) ? found
                : termAt(article.end(), cued, true, bareDay);
    }

    /** The longest term that begins at word {@code at}. */
    private Found termAt(int at, boolean cued, boolean article, boolean bareDay) {
        Found longest = null;
        for (Found found : new Found[] {relative(at), agoBefore(at), agoAfter(at), iso(at),
                dayMonth(at, cued || article), monthDay(at, cued || article), monthOrSeason(at, cued),
                year(at, cued), bareDay ? bareDay(at) : null}) {
            if (found != null && (longest == null || found.end() > longest.end())) {
                longest = found;
            }
        }
        return longest;
    }

    /** "yesterday", "la semaine dernière". */
    private Found relative(int at) {
        Match match = words.match(text, at, Kind.RELATIVE);
        if (match == null) {
            return null;
        }
        String[] unitAndOffset = match.value().split(" ");
        return new Found(new DateTerm.Relative(unit(unitAndOffset[0]), Integer.parseInt(unitAndOffset[1])),
                match.end());
    }

    /** "il y a 3 jours", "hace un año". */
    private Found agoBefore(int at) {
        Match ago = words.match(text, at, Kind.AGO);
        Counted count = ago == null || !ago.value().equals("before") ? null : countAfter(ago.end());
        Match unit = count == null ? null : joinedMatch(count.end(), Kind.UNIT);
        return unit == null ? null : new Found(new DateTerm.Relative(unit(unit.value()), -count.value()), unit.end());
    }

    /** "3 days ago", "a year ago". */
    private Found agoAfter(int at) {
        Counted count = count(at);
        Match unit = count == null ? null : joinedMatch(count.end(), Kind.UNIT);
        Match ago = unit == null ? null : joinedMatch(unit.end(), Kind.AGO);
        return ago == null || !ago.value().equals("after") ? null
                : new Found(new DateTerm.Relative(unit(unit.value()), -count.value()), ago.end());
    }

    /** "2021-07-04", "2021-07". */
    private Found iso(int at) {
        Integer year = yearAt(at);
        Integer month = year == null ? null : isoPart(at + 1, 12);
        if (month == null) {
            return null;
        }
        Integer day = isoPart(at + 2, 31);
        if (day != null) { // "2023-02-29" names no day: not a date at all
            return DateTerm.Day.exists(day, month, year) ? new Found(new DateTerm.Day(day, month, year), at + 3) : null;
        }
        return new Found(new DateTerm.Month(month, year, Shift.NONE), at + 2);
    }

    private Integer isoPart(int at, int max) {
        if (at >= text.size() || !text.get(at).gap().matches("[-/]") || !text.get(at).folded().matches("\\d{1,2}")) {
            return null;
        }
        int value = Integer.parseInt(text.get(at).folded());
        return value >= 1 && value <= max ? value : null;
    }

    /** "4 july 2021", "14 juillet", "4 de julio de 2021", "4th of july": alone only when ordinal or linked. */
    private Found dayMonth(int at, boolean cued) {
        Matcher day = at < text.size() ? DAY.matcher(text.get(at).folded()) : null;
        if (day == null || !day.matches()) {
            return null;
        }
        Match of = joinedMatch(at + 1, Kind.OF);
        Match month = joinedMatch(of == null ? at + 1 : of.end(), Kind.MONTH);
        if (month == null) {
            return null;
        }
        boolean sure = cued || of != null || day.group(2) != null;
        return dayOf(Integer.parseInt(day.group(1)), Integer.parseInt(month.value()), month.end(), sure);
    }

    /** "july 4th", "july 4, 2021", "on july 4": alone only when ordinal. */
    private Found monthDay(int at, boolean cued) {
        Match month = words.match(text, at, Kind.MONTH);
        Matcher day = month == null || !text.joined(month.end()) ? null
                : DAY.matcher(text.get(month.end()).folded());
        if (day == null || !day.matches()) {
            return null;
        }
        boolean sure = cued || day.group(2) != null;
        return dayOf(Integer.parseInt(day.group(1)), Integer.parseInt(month.value()), month.end() + 1, sure);
    }

    /** The day with the year that may follow at {@code end}; a day without a year must be {@code sure}. */
    private Found dayOf(int day, int month, int end, boolean sure) {
        Counted year = yearAfter(end);
        if ((year == null && !sure) || !DateTerm.Day.exists(day, month, year == null ? null : year.value())) {
            return null;
        }
        return new Found(new DateTerm.Day(day, month, year == null ? null : year.value()),
                year == null ? end : year.end());
    }

    /**
     * "july 2021", "summer of 2019", "last july", "l'été dernier", "este verano", "in july": a month alone only with
     * a cue, a year or a shift, a season only with a year or a shift; never "this" with a month ("this may be").
     */
    private Found monthOrSeason(int at, boolean cued) {
        Match before = words.match(text, at, Kind.SHIFT);
        int nameAt = before != null && text.joined(before.end()) ? before.end() : at;
        Match month = words.match(text, nameAt, Kind.MONTH);
        Match name = month != null ? month : words.match(text, nameAt, Kind.SEASON);
        if (name == null) {
            return null;
        }
        Shift shift = nameAt == at ? Shift.NONE : shift(before);
        int end = name.end();
        Counted year = yearAfter(end);
        Match after = year == null && shift == Shift.NONE ? joinedMatch(end, Kind.SHIFT) : null;
        if (after != null) {
            shift = shift(after);
            end = after.end();
        }
        // A season without a year or a shift describes the scene as often as the date: "a fence in winter".
        if ((month != null && (shift == Shift.THIS || afterDay(nameAt)))
                || (year == null && shift == Shift.NONE && (!cued || month == null))) {
            return null;
        }
        Integer named = year == null ? null : year.value();
        end = year == null ? end : year.end();
        DateTerm term = month != null ? new DateTerm.Month(Integer.parseInt(month.value()), named, shift)
                : new DateTerm.SeasonOf(DateTerm.Season.valueOf(name.value().toUpperCase(Locale.ROOT)), named, shift);
        return new Found(term, end);
    }

    /** Whether a day number comes before the month at {@code at}: then the two are one day, or none (31 april). */
    private boolean afterDay(int at) {
        int before = wordBefore(at);
        return before >= 0 && DAY.matcher(text.get(before).folded()).matches();
    }

    /** A year, alone only as the query's last word, not in the future ("beach 2019"), nor a month's. */
    private Found year(int at, boolean cued) {
        Integer year = yearAt(at);
        if (year == null || (!cued && (at != text.size() - 1 || year > today.getYear() || afterMonth(at)))) {
            return null;
        }
        return new Found(new DateTerm.Year(year), at + 1);
    }

    /** Whether a month comes just before {@code at}: then its year belongs to a date that is none (31 april 2021). */
    private boolean afterMonth(int at) {
        int before = wordBefore(at);
        return before >= 0 && words.match(text, before, Kind.MONTH) != null;
    }

    /** The word that {@code at} goes on from, over an "of" or "de" ("29 de febrero"); -1 when none. */
    private int wordBefore(int at) {
        if (!text.joined(at)) {
            return -1;
        }
        int before = at - 1;
        return before > 0 && text.joined(before) && words.match(text, before, Kind.OF) != null ? before - 1 : before;
    }

    /** "3" beginning a range whose end names the month: "du 3 au 10 juillet". */
    private Found bareDay(int at) {
        Matcher day = at < text.size() ? DAY.matcher(text.get(at).folded()) : null;
        if (day == null || !day.matches() || !DateTerm.Day.exists(Integer.parseInt(day.group(1)), null, null)) {
            return null;
        }
        return new Found(new DateTerm.Day(Integer.parseInt(day.group(1)), null, null), at + 1);
    }

    /**
     * The year after a month, a season or a day: "2021", "of 2019", "de 2021", or "last year" and its kin
     * ("july last year", "julio del año pasado").
     */
    private Counted yearAfter(int at) {
        int next = at;
        for (Kind skipped : List.of(Kind.OF, Kind.ARTICLE)) {
            Match match = joinedMatch(next, skipped);
            next = match == null ? next : match.end();
        }
        if (!text.joined(next)) {
            return null;
        }
        Integer year = yearAt(next);
        if (year != null) {
            return new Counted(year, next + 1);
        }
        Match relative = words.match(text, next, Kind.RELATIVE);
        if (relative == null || !relative.value().startsWith("year ")) {
            return null;
        }
        return new Counted(today.getYear() + Integer.parseInt(relative.value().substring(5)), relative.end());
    }

    private Integer yearAt(int at) {
        if (at >= text.size() || !YEAR.matcher(text.get(at).folded()).matches()) {
            return null;
        }
        int year = Integer.parseInt(text.get(at).folded());
        return year >= MIN_YEAR && year <= MAX_YEAR ? year : null;
    }

    private Counted countAfter(int at) {
        return text.joined(at) ? count(at) : null;
    }

    /** A count in digits or in words, from 1 to {@value #MAX_COUNT}. */
    private Counted count(int at) {
        if (at >= text.size()) {
            return null;
        }
        if (COUNT.matcher(text.get(at).folded()).matches()) {
            int value = Integer.parseInt(text.get(at).folded());
            return value >= 1 && value <= MAX_COUNT ? new Counted(value, at + 1) : null;
        }
        Match number = words.match(text, at, Kind.NUMBER);
        return number == null ? null : new Counted(Integer.parseInt(number.value()), number.end());
    }

    private Match joinedMatch(int at, Kind kind) {
        return text.joined(at) ? words.match(text, at, kind) : null;
    }

    private static DateTerm.Unit unit(String value) {
        return DateTerm.Unit.valueOf(value.toUpperCase(Locale.ROOT));
    }

    private static Shift shift(Match match) {
        return Shift.valueOf(match.value().toUpperCase(Locale.ROOT));
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
