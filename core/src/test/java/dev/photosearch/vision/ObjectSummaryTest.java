package dev.photosearch.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ObjectSummaryTest {

    private static final Map<String, ObjectClass> COCO = ObjectClass.coco().stream()
            .collect(Collectors.toMap(ObjectClass::label, Function.identity()));

    private static List<Region> seen(Object... labelCountPairs) {
        List<Region> regions = new ArrayList<>();
        double score = 0.9;
        for (int i = 0; i < labelCountPairs.length; i += 2) {
            for (int n = 0; n < (int) labelCountPairs[i + 1]; n++) {
                regions.add(new Region((String) labelCountPairs[i], score, 0.1, 0.1, 0.2, 0.2));
                score -= 0.01;
            }
        }
        return regions;
    }

    @Test
    void countsInWordsMostNumerousFirst() {
        assertEquals("two people and a dog", ObjectSummary.of(seen("dog", 1, "person", 2), COCO).phrase());
        assertEquals("two people, a dog and a frisbee",
                ObjectSummary.of(seen("person", 2, "dog", 1, "frisbee", 1), COCO).phrase());
    }

    @Test
    void equalCountsKeepTheMostConfidentFirst() {
        assertEquals("a giraffe and a zebra", ObjectSummary.of(seen("giraffe", 1, "zebra", 1), COCO).phrase());
        assertEquals("a zebra and a giraffe", ObjectSummary.of(seen("zebra", 1, "giraffe", 1), COCO).phrase());
    }

    @Test
    void articlesPluralsAndLargeNumbers() {
        assertEquals("an elephant", ObjectSummary.of(seen("elephant", 1), COCO).phrase());
        assertEquals("a TV", ObjectSummary.of(seen("tv", 1), COCO).phrase());
        assertEquals("three sheep", ObjectSummary.of(seen("sheep", 3), COCO).phrase());
        assertEquals("two knives", ObjectSummary.of(seen("knife", 2), COCO).phrase());
        assertEquals("a pair of skis", ObjectSummary.of(seen("skis", 1), COCO).phrase());
        assertEquals("twelve buses", ObjectSummary.of(seen("bus", 12), COCO).phrase());
        assertEquals("13 cars", ObjectSummary.of(seen("car", 13), COCO).phrase());
    }

    @Test
    void termsHoldLabelsAndTheirWords() {
        ObjectSummary summary = ObjectSummary.of(seen("person", 2, "dining table", 1), COCO);

        assertEquals(List.of("person", "people", "dining table", "table", "tables"), summary.terms());
        assertEquals("person:2,dining table:1", summary.countsFact());
    }

    @Test
    void nothingSeenSaysNothing() {
        ObjectSummary summary = ObjectSummary.of(List.of(), COCO);

        assertEquals("", summary.phrase());
        assertTrue(summary.terms().isEmpty());
        assertEquals("", summary.countsFact());
    }

    @Test
    void orderOfDetectionsDoesNotChangeTheCounts() {
        List<Region> regions = seen("person", 3, "dog", 2);
        List<Region> shuffled = new ArrayList<>(regions);
        Collections.reverse(shuffled);

        assertEquals(ObjectSummary.of(regions, COCO).counts(), ObjectSummary.of(shuffled, COCO).counts());
    }

    @Test
    void unknownLabelIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> ObjectSummary.of(seen("unicorn", 1), COCO));
    }

    @Test
    void cocoHasEightyClassesPersonFirst() {
        List<ObjectClass> coco = ObjectClass.coco();

        assertEquals(80, coco.size());
        assertEquals("person", coco.get(0).label());
        assertEquals("toothbrush", coco.get(79).label());
        assertEquals(80, coco.stream().map(ObjectClass::label).distinct().count());
    }
}
