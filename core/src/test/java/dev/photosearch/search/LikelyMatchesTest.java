package dev.photosearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.photosearch.index.Ranked;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rule that calls a candidate likely, from the meaning signal's scores. */
class LikelyMatchesTest {

    /** Photos p1, p2... with these scores, best first. */
    private static List<Ranked> ranking(double... scores) {
        List<Ranked> ranked = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            ranked.add(new Ranked("p" + (i + 1), (float) scores[i]));
        }
        return ranked;
    }

    @Test
    void likelyWhenStandingWellAboveTheTenthBest() {
        // The tenth scores 0.78: 0.83 and above stand out, 0.82 does not.
        List<Ranked> meaning = ranking(0.85, 0.83, 0.82, 0.80, 0.79, 0.79, 0.79, 0.78, 0.78, 0.78, 0.77, 0.70);
        assertEquals(Set.of("p1", "p2"), LikelyMatches.in(meaning));
    }

    @Test
    void manyCloseMatchesAreAllLikelyWhenTheirScoresAreHighEnough() {
        // Twelve photos of what was asked, all alike: none stands out, each is close to the query.
        List<Ranked> meaning = ranking(0.91, 0.90, 0.90, 0.89, 0.89, 0.89, 0.89, 0.88, 0.88, 0.88, 0.88, 0.88, 0.87);
        assertEquals(12, LikelyMatches.in(meaning).size());
    }

    @Test
    void aPoorBestOfAHundredIsNotLikely() {
        // Another collection's query: the best is only a little above the rest.
        List<Ranked> meaning = ranking(0.80, 0.79, 0.79, 0.78, 0.78, 0.78, 0.78, 0.77, 0.77, 0.77, 0.76);
        assertEquals(Set.of(), LikelyMatches.in(meaning));
    }

    @Test
    void nothingUnderTheFloorIsLikelyHoweverItStandsOut() {
        // A small collection: its tenth is far from the query, and so is its best.
        List<Ranked> meaning = ranking(0.795, 0.78, 0.77, 0.76, 0.75, 0.74, 0.74, 0.74, 0.73, 0.72, 0.72);
        assertEquals(Set.of(), LikelyMatches.in(meaning));
    }

    @Test
    void fewerThanTenCandidatesAreMeasuredAgainstTheLast() {
        assertEquals(Set.of("p1"), LikelyMatches.in(ranking(0.84, 0.80, 0.78)));
        assertEquals(Set.of(), LikelyMatches.in(ranking(0.84)));
        assertEquals(Set.of("p1"), LikelyMatches.in(ranking(0.9)));
        assertEquals(Set.of(), LikelyMatches.in(List.of()));
    }
}
