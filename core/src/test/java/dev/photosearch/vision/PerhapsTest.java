package dev.photosearch.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PerhapsTest {

    private static Region candidate(String label, double score) {
        return new Region(label, score, 0.1, 0.1, 0.2, 0.2);
    }

    @Test
    void likelyClassesNotFoundAreSaidOnceBestFirstAndAtMostThree() {
        List<Region> candidates = List.of(candidate("dog", 0.9), candidate("cup", 0.28), candidate("dog", 0.25),
                candidate("frisbee", 0.2), candidate("cup", 0.19), candidate("bench", 0.17), candidate("car", 0.16),
                candidate("kite", 0.1));
        List<Region> found = List.of(candidates.get(0));
        assertEquals(List.of("cup", "frisbee", "bench"), ObjectDetector.perhaps(candidates, found));
    }

    @Test
    void nothingLikelyMeansNoPerhaps() {
        assertEquals(List.of(), ObjectDetector.perhaps(List.of(candidate("cup", 0.1)), List.of()));
    }
}
