package dev.photosearch.search;

import static dev.photosearch.search.QueryDatesTest.FRIDAY_15_MARCH_2024;
import static dev.photosearch.search.QueryDatesTest.lastSecondOf;
import static dev.photosearch.search.QueryDatesTest.startOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.photosearch.search.Interpretation.Kind;
import dev.photosearch.search.Interpretation.Span;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Places, spans, removable readings and hostile input of {@link QueryInterpreter}. */
class QueryInterpreterTest {

    private static final Set<String> KNOWN = Set.of("Walden Pond", "Paris, France", "Nice", "Montréal", "Home",
            "Sun Valley");
    private static final QueryInterpreter WITHOUT_PLACES = new QueryInterpreter(FRIDAY_15_MARCH_2024, Set.of());
    private static final QueryInterpreter WITH_PLACES = new QueryInterpreter(FRIDAY_15_MARCH_2024, KNOWN);

    /** Places from capitalised words after a cue, without any known place. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "sand sculpture at Revere Beach     | Revere Beach     | sand sculpture",
        "carnival in Rio de Janeiro         | Rio de Janeiro   | carnival",
        "lavender near Aix-en-Provence      | Aix-en-Provence  | lavender",
        "skiing in the Alps                 | Alps             | skiing",
        "cafe in St. Louis                  | St. Louis        | cafe",
        "photos from London, 2019           | London           | photos",
        "in Paris, London and Rome          | Paris            | London and Rome",
        "vacances aux États-Unis            | États-Unis       | vacances",
        "dîner dans le Marais               | Marais           | dîner",
        "mon chat à Lyon                    | Lyon             | mon chat",
        "paseo en Madrid                    | Madrid           | paseo",
        "atardecer en la Alhambra           | Alhambra         | atardecer",
        "tapas cerca de Sevilla             | Sevilla          | tapas",
        "dinner in Paris on Monday          | Paris            | dinner on Monday",
        "Paris trip: sunset in Nice         | Nice             | Paris trip: sunset",
    })
    void capitalisedPlaceAfterACue(String query, String place, String words) {
        Interpretation reading = WITHOUT_PLACES.interpret(query);
        assertEquals(place, reading.place(), query);
        assertEquals(words, reading.words(), query);
    }

    /** No place where capitals tell nothing, where the name is a possessive or a holiday, or without a cue. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a cat in the sun", "CAT IN PARIS", "Dog In The Park", "in Bob's car", "cat at Mahoney's",
        "dog at Christmas", "à Noël", "en Navidad", "Paris at night", "written in English", "in I",
        "en la playa", "at the beach", "walking in the rain",
    })
    void noPlace(String query) {
        Interpretation reading = WITHOUT_PLACES.interpret(query);
        assertNull(reading.place(), query);
        assertEquals(query, reading.words());
        assertEquals(List.of(), reading.spans());
    }

    /** The collection's places: after a cue in any case, alone when of several words or capitalised. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "peace at walden pond               | Walden Pond      | peace",
        "walden pond                        | Walden Pond      | ''",
        "sunset in nice                     | Nice             | sunset",
        "Montreal under snow                | Montréal         | under snow",
        "eiffel tower paris france          | Paris, France    | eiffel tower",
        "eiffel tower in paris              | Paris            | eiffel tower",
        "cat at home                        | Home             | cat",
        "a nice view                        | ''               | a nice view",
        "montreal under snow                | ''               | montreal under snow",
        "home made pizza                    | ''               | home made pizza",
        "a cat in the sun                   | ''               | a cat in the sun",
    })
    void knownPlaces(String query, String place, String words) {
        Interpretation reading = WITH_PLACES.interpret(query);
        assertEquals(place.isEmpty() ? null : place, reading.place(), query);
        assertEquals(words, reading.words(), query);
    }

    @Test
    void readsDateAndPlaceWithTheirSpans() {
        String query = "mon chat à Lyon l'été dernier";
        Interpretation reading = WITHOUT_PLACES.interpret(query);

        assertEquals("mon chat", reading.words());
        assertEquals("Lyon", reading.place());
        assertEquals(startOf("2023-06-01"), reading.from());
        assertEquals(lastSecondOf("2023-08-31"), reading.to());
        assertEquals(List.of(new Span(Kind.PLACE, 9, 15, "à Lyon"), new Span(Kind.DATE, 16, 29, "l'été dernier")),
                reading.spans());
        assertEquals("mon chat Lyon", reading.wordsWithPlace());
    }

    @Test
    void aQueryOfOnlyADateAndAPlaceLeavesNoWords() {
        Interpretation reading = WITHOUT_PLACES.interpret("in Paris in 2019");

        assertEquals("", reading.words());
        assertEquals("Paris", reading.wordsWithPlace());
        assertEquals(List.of("in Paris", "in 2019"), reading.spans().stream().map(Span::text).toList());
    }

    /** A chip the user removed: that reading stays words, the other is still read. */
    @Test
    void literalKindsStayWords() {
        String query = "dog in Paris in 2019";

        Interpretation noPlace = WITHOUT_PLACES.interpret(query, Set.of(Kind.PLACE));
        assertNull(noPlace.place());
        assertEquals("dog in Paris", noPlace.words());
        assertEquals(startOf("2019-01-01"), noPlace.from());

        Interpretation noDate = WITHOUT_PLACES.interpret(query, Set.of(Kind.DATE));
        assertNull(noDate.from());
        assertNull(noDate.to());
        assertEquals("Paris", noDate.place());
        assertEquals("dog in 2019", noDate.words());

        assertEquals(query, WITHOUT_PLACES.interpret(query, Set.of(Kind.DATE, Kind.PLACE)).words());

        // A date left as words is not read as a place instead.
        for (String left : List.of("boats in June 2019", "a walk in Summer", "fête en Juillet")) {
            Interpretation reading = WITHOUT_PLACES.interpret(left, Set.of(Kind.DATE));
            assertNull(reading.place(), left);
            assertEquals(List.of(), reading.spans(), left);
        }
    }

    /** A date's words are never a place: "in May" is a month, whatever its capital. */
    @Test
    void aDateIsReadBeforeAPlace() {
        Interpretation reading = WITHOUT_PLACES.interpret("tulips in May at Keukenhof");

        assertEquals("Keukenhof", reading.place());
        assertEquals(startOf("2023-05-01"), reading.from());
        assertEquals("tulips", reading.words());
    }

    @Test
    void aQueryWithNothingToReadIsReturnedAsTyped() {
        String query = "  two  dogs,   running ";
        Interpretation reading = WITHOUT_PLACES.interpret(query);

        assertEquals(query, reading.words());
        assertNull(reading.from());
        assertNull(reading.to());
        assertNull(reading.place());
        assertEquals("", WITHOUT_PLACES.interpret("").words());
    }

    /** Days begin in the clock's zone: the same instant is another day in Auckland. */
    @Test
    void daysBeginInTheClocksZone() {
        ZoneId auckland = ZoneId.of("Pacific/Auckland");
        Clock clock = Clock.fixed(FRIDAY_15_MARCH_2024.instant(), auckland); // already Saturday there
        Interpretation reading = new QueryInterpreter(clock, Set.of()).interpret("today");

        assertEquals(ZonedDateTime.of(2024, 3, 16, 0, 0, 0, 0, auckland).toInstant(), reading.from());
        assertEquals(ZonedDateTime.of(2024, 3, 16, 23, 59, 59, 0, auckland).toInstant(), reading.to());
    }

    /** A megabyte of words, emoji, huge numbers and stray marks: read in one pass, spans inside the text. */
    @Test
    void hostileInput() {
        String query = "🐈 99999999999999999999 ".repeat(20_000) + "à Lyon l'été 2023 " + "'-,./ ".repeat(20_000)
                + "in 2019 " + "x".repeat(200_000);
        Interpretation reading = WITH_PLACES.interpret(query);

        assertEquals("Lyon", reading.place());
        assertEquals(startOf("2023-06-01"), reading.from());
        for (Span span : reading.spans()) {
            assertEquals(query.substring(span.start(), span.end()), span.text());
        }
        assertTrue(reading.words().endsWith("in 2019 " + "x".repeat(200_000)));
    }
}
