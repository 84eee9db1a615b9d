package dev.photosearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The dates {@link QueryInterpreter} reads, in each language, on Friday 15 March 2024 in Paris. Each case gives the
 * first and the last day of the interval (empty for an open end) and the words left.
 */
class QueryDatesTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final Clock FRIDAY_15_MARCH_2024 = Clock.fixed(
            ZonedDateTime.of(2024, 3, 15, 12, 0, 0, 0, PARIS).toInstant(), PARIS);

    private static final QueryInterpreter INTERPRETER = new QueryInterpreter(FRIDAY_15_MARCH_2024, Set.of());

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "dog in 2019                        | 2019-01-01 | 2019-12-31 | dog",
        "beach 2019                         | 2019-01-01 | 2019-12-31 | beach",
        "december 2022                      | 2022-12-01 | 2022-12-31 | ''",
        "cat Dec 2022                       | 2022-12-01 | 2022-12-31 | cat",
        "snow in january                    | 2024-01-01 | 2024-01-31 | snow",
        "flowers in may                     | 2023-05-01 | 2023-05-31 | flowers",
        "penguins during March              | 2024-03-01 | 2024-03-31 | penguins",
        "last march                         | 2023-03-01 | 2023-03-31 | ''",
        "last february                      | 2024-02-01 | 2024-02-29 | ''",
        "july last year                     | 2023-07-01 | 2023-07-31 | ''",
        "july 4th, 2019                     | 2019-07-04 | 2019-07-04 | ''",
        "fireworks on July 4                | 2023-07-04 | 2023-07-04 | fireworks",
        "the 4th of july                    | 2023-07-04 | 2023-07-04 | ''",
        "4 July 2019 picnic                 | 2019-07-04 | 2019-07-04 | picnic",
        "2021-07-04 party                   | 2021-07-04 | 2021-07-04 | party",
        "2021-07                            | 2021-07-01 | 2021-07-31 | ''",
        "summer 2023                        | 2023-06-01 | 2023-08-31 | ''",
        "the summer of 2019                 | 2019-06-01 | 2019-08-31 | ''",
        "at the beach last summer           | 2023-06-01 | 2023-08-31 | at the beach",
        "snow last winter                   | 2023-12-01 | 2024-02-29 | snow",
        "winter 2021                        | 2020-12-01 | 2021-02-28 | ''",
        "this spring                        | 2024-03-01 | 2024-05-31 | ''",
        "last autumn                        | 2023-09-01 | 2023-11-30 | ''",
        "cake today                         | 2024-03-15 | 2024-03-15 | cake",
        "yesterday                          | 2024-03-14 | 2024-03-14 | ''",
        "the day before yesterday           | 2024-03-13 | 2024-03-13 | ''",
        "this week                          | 2024-03-11 | 2024-03-17 | ''",
        "last week at work                  | 2024-03-04 | 2024-03-10 | at work",
        "last month                         | 2024-02-01 | 2024-02-29 | ''",
        "this year                          | 2024-01-01 | 2024-12-31 | ''",
        "last year                          | 2023-01-01 | 2023-12-31 | ''",
        "3 days ago                         | 2024-03-12 | 2024-03-12 | ''",
        "a year ago                         | 2023-01-01 | 2023-12-31 | ''",
        "two months ago                     | 2024-01-01 | 2024-01-31 | ''",
        "in the 90s                         | 1990-01-01 | 1999-12-31 | ''",
        "in the 2010s                       | 2010-01-01 | 2019-12-31 | ''",
        "from 2019 to 2021                  | 2019-01-01 | 2021-12-31 | ''",
        "from 2025 to 2019                  | 2019-01-01 | 2025-12-31 | ''",
        "between may and july 2021          | 2021-05-01 | 2021-07-31 | ''",
        "from november to february 2021     | 2020-11-01 | 2021-02-28 | ''",
        "from 3 to 10 july 2021             | 2021-07-03 | 2021-07-10 | ''",
        "2019-2021                          | 2019-01-01 | 2021-12-31 | ''",
        "photos from 2019                   | 2019-01-01 | 2019-12-31 | photos",
        "since 2019                         | 2019-01-01 | ''         | ''",
        "before 2019                        | ''         | 2018-12-31 | ''",
        "after summer 2020                  | 2020-09-01 | ''         | ''",
        "until march 2020                   | ''         | 2020-03-31 | ''",
    })
    void english(String query, String first, String last, String words) {
        assertReads(query, first, last, words);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "mon chat en juillet 2021           | 2021-07-01 | 2021-07-31 | mon chat",
        "à la plage l'été dernier           | 2023-06-01 | 2023-08-31 | à la plage",
        "hier                               | 2024-03-14 | 2024-03-14 | ''",
        "avant-hier                         | 2024-03-13 | 2024-03-13 | ''",
        "aujourd'hui                        | 2024-03-15 | 2024-03-15 | ''",
        "cette semaine                      | 2024-03-11 | 2024-03-17 | ''",
        "la semaine dernière                | 2024-03-04 | 2024-03-10 | ''",
        "ce mois-ci                         | 2024-03-01 | 2024-03-31 | ''",
        "le mois dernier                    | 2024-02-01 | 2024-02-29 | ''",
        "l'an dernier                       | 2023-01-01 | 2023-12-31 | ''",
        "l'année dernière                   | 2023-01-01 | 2023-12-31 | ''",
        "cette année                        | 2024-01-01 | 2024-12-31 | ''",
        "il y a 3 jours                     | 2024-03-12 | 2024-03-12 | ''",
        "il y a deux ans                    | 2022-01-01 | 2022-12-31 | ''",
        "cet été                            | 2024-06-01 | 2024-08-31 | ''",
        "l'été 2023                         | 2023-06-01 | 2023-08-31 | ''",
        "ete 2023                           | 2023-06-01 | 2023-08-31 | ''",
        "en juillet dernier                 | 2023-07-01 | 2023-07-31 | ''",
        "feu d'artifice le 14 juillet       | 2023-07-14 | 2023-07-14 | feu d'artifice",
        "1er mai 2021                       | 2021-05-01 | 2021-05-01 | ''",
        "en décembre                        | 2023-12-01 | 2023-12-31 | ''",
        "en 2019                            | 2019-01-01 | 2019-12-31 | ''",
        "photos de 2019 à la mer            | 2019-01-01 | 2019-12-31 | photos à la mer",
        "de 2019 à 2021                     | 2019-01-01 | 2021-12-31 | ''",
        "du 3 au 10 juillet 2021            | 2021-07-03 | 2021-07-10 | ''",
        "entre 2019 et 2021                 | 2019-01-01 | 2021-12-31 | ''",
        "depuis mars 2020                   | 2020-03-01 | ''         | ''",
        "avant 2019                         | ''         | 2018-12-31 | ''",
        "après l'été 2020                   | 2020-09-01 | ''         | ''",
        "jusqu'en 2019                      | ''         | 2019-12-31 | ''",
        "dans les années 90                 | 1990-01-01 | 1999-12-31 | ''",
        "en janvier de l'année dernière     | 2023-01-01 | 2023-01-31 | ''",
    })
    void french(String query, String first, String last, String words) {
        assertReads(query, first, last, words);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "en la playa en agosto              | 2023-08-01 | 2023-08-31 | en la playa",
        "mi perro en julio de 2021          | 2021-07-01 | 2021-07-31 | mi perro",
        "hoy                                | 2024-03-15 | 2024-03-15 | ''",
        "ayer                               | 2024-03-14 | 2024-03-14 | ''",
        "anteayer                           | 2024-03-13 | 2024-03-13 | ''",
        "esta semana                        | 2024-03-11 | 2024-03-17 | ''",
        "la semana pasada                   | 2024-03-04 | 2024-03-10 | ''",
        "el mes pasado                      | 2024-02-01 | 2024-02-29 | ''",
        "este año                           | 2024-01-01 | 2024-12-31 | ''",
        "el año pasado                      | 2023-01-01 | 2023-12-31 | ''",
        "hace 3 días                        | 2024-03-12 | 2024-03-12 | ''",
        "hace un año                        | 2023-01-01 | 2023-12-31 | ''",
        "el verano pasado                   | 2023-06-01 | 2023-08-31 | ''",
        "el pasado verano                   | 2023-06-01 | 2023-08-31 | ''",
        "este verano                        | 2024-06-01 | 2024-08-31 | ''",
        "verano de 2023                     | 2023-06-01 | 2023-08-31 | ''",
        "el 4 de julio de 2021              | 2021-07-04 | 2021-07-04 | ''",
        "4 de julio                         | 2023-07-04 | 2023-07-04 | ''",
        "julio del año pasado               | 2023-07-01 | 2023-07-31 | ''",
        "de 2019 a 2021                     | 2019-01-01 | 2021-12-31 | ''",
        "entre 2019 y 2021                  | 2019-01-01 | 2021-12-31 | ''",
        "desde 2019 hasta 2021              | 2019-01-01 | 2021-12-31 | ''",
        "desde 2019                         | 2019-01-01 | ''         | ''",
        "antes de 2019                      | ''         | 2018-12-31 | ''",
        "hasta 2019                         | ''         | 2019-12-31 | ''",
        "fotos de mayo                      | 2023-05-01 | 2023-05-31 | fotos",
        "en los años 90                     | 1990-01-01 | 1999-12-31 | ''",
    })
    void spanish(String query, String first, String last, String words) {
        assertReads(query, first, last, words);
    }

    /** Leap years, year boundaries, the seasons around the new year, and reversed or odd ranges. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "on 29 february                     | 2024-02-29 | 2024-02-29 | ''",
        "29 February 2020                   | 2020-02-29 | 2020-02-29 | ''",
        "february 2023                      | 2023-02-01 | 2023-02-28 | ''",
        "winter 2024                        | 2023-12-01 | 2024-02-29 | ''",
        "on 31 december                     | 2023-12-31 | 2023-12-31 | ''",
        "new year's eve 2019-12-31          | 2019-12-31 | 2019-12-31 | new year's eve",
        "from december 2019 to january 2020 | 2019-12-01 | 2020-01-31 | ''",
        "from 1 to 3 march                  | 2024-03-01 | 2024-03-03 | ''",
        "from 2021 to 2021                  | 2021-01-01 | 2021-12-31 | ''",
        "in 1800                            | 1800-01-01 | 1800-12-31 | ''",
        "in 2199                            | 2199-01-01 | 2199-12-31 | ''",
        "1000 years ago                     | 1024-01-01 | 1024-12-31 | ''",
        "in march                           | 2024-03-01 | 2024-03-31 | ''",
        "in march 2024 in 2019              | 2024-03-01 | 2024-03-31 | in 2019",
        "🐈 in july 2021 🌞                  | 2021-07-01 | 2021-07-31 | 🐈 🌞",
        "cat, in 2019, on the sofa          | 2019-01-01 | 2019-12-31 | cat, on the sofa",
        "IN JULY 2021                       | 2021-07-01 | 2021-07-31 | ''",
    })
    void edges(String query, String first, String last, String words) {
        assertReads(query, first, last, words);
    }

    /** Words that look like dates but are not, or not surely: they stay words and nothing is read. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "summer dress", "may flowers", "march of the penguins", "2 dogs", "99999", "2020s", "the 2020s", "80s dress",
        "2019 beach trip", "pizza 2048", "this may be my cat", "a cat in the sun", "2 march", "march 2",
        "29 february 2023", "31 april", "2023-02-29", "in 1799", "in 2200", "99999 years ago", "0 days ago",
        "fall colours", "l'été", "la primavera", "verano", "from 2 to 5 dogs", "in the 20 minutes",
        "spring water", "1984 poster", "route 66", "summertime sadness by lana",
        "in the summer", "a fence in winter", "in the fall", "en été", "au printemps", "neige en hiver", "en verano",
        "berries in autumn", "à l'automne",
    })
    void ordinaryWords(String query) {
        Interpretation reading = INTERPRETER.interpret(query);
        assertNull(reading.from(), query);
        assertNull(reading.to(), query);
        assertEquals(query, reading.words());
    }

    /** "Last summer" in January is last year's; "this winter" in December is the one that began. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2025-01-10 | last summer  | 2024-06-01 | 2024-08-31",
        "2025-01-10 | last winter  | 2023-12-01 | 2024-02-29",
        "2025-01-10 | this winter  | 2024-12-01 | 2025-02-28",
        "2024-12-20 | this winter  | 2024-12-01 | 2025-02-28",
        "2024-12-20 | last winter  | 2023-12-01 | 2024-02-29",
        "2024-09-01 | last summer  | 2024-06-01 | 2024-08-31",
        "2024-08-31 | last summer  | 2023-06-01 | 2023-08-31",
        "2025-01-01 | last year    | 2024-01-01 | 2024-12-31",
        "2025-01-01 | last month   | 2024-12-01 | 2024-12-31",
        "2025-01-01 | yesterday    | 2024-12-31 | 2024-12-31",
        "2025-01-01 | last week    | 2024-12-23 | 2024-12-29",
        "2025-01-01 | in december  | 2024-12-01 | 2024-12-31",
        "2025-01-01 | last january | 2024-01-01 | 2024-01-31",
        "2025-01-01 | in january   | 2025-01-01 | 2025-01-31",
        "2025-03-01 | on 29 february | 2024-02-29 | 2024-02-29",
        "2029-03-01 | on 29 february | 2028-02-29 | 2028-02-29",
        "2027-03-01 | le 29 février  | 2024-02-29 | 2024-02-29",
        "2024-03-31 | a month ago    | 2024-02-01 | 2024-02-29",
        "2024-01-05 | in the 20s     | 2020-01-01 | 2029-12-31",
    })
    void dependsOnToday(String today, String query, String first, String last) {
        Clock clock = Clock.fixed(LocalDate.parse(today).atTime(9, 0).atZone(PARIS).toInstant(), PARIS);
        Interpretation reading = new QueryInterpreter(clock, Set.of()).interpret(query);
        assertEquals(startOf(first), reading.from(), query);
        assertEquals(lastSecondOf(last), reading.to(), query);
    }

    private static void assertReads(String query, String first, String last, String words) {
        Interpretation reading = INTERPRETER.interpret(query);
        assertEquals(first.isEmpty() ? null : startOf(first), reading.from(), query + ": from");
        assertEquals(last.isEmpty() ? null : lastSecondOf(last), reading.to(), query + ": to");
        assertEquals(words, reading.words(), query + ": words");
    }

    static Instant startOf(String day) {
        return LocalDate.parse(day).atStartOfDay(PARIS).toInstant();
    }

    static Instant lastSecondOf(String day) {
        return LocalDate.parse(day).plusDays(1).atStartOfDay(PARIS).toInstant().minusSeconds(1);
    }
}
