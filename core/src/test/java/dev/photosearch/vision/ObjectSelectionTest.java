package dev.photosearch.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObjectSelectionTest {

    private static final DetectionThresholds THRESHOLDS = new DetectionThresholds(0.3, Map.of("cup", 0.5));

    @Test
    void dropsCandidatesUnderTheirClassThreshold() {
        List<Region> kept = ObjectDetector.select(List.of(
                new Region("dog", 0.35, 0, 0, 0.2, 0.2),
                new Region("cup", 0.45, 0.5, 0.5, 0.1, 0.1),
                new Region("cat", 0.25, 0.5, 0, 0.2, 0.2)), THRESHOLDS);

        assertEquals(List.of("dog"), kept.stream().map(Region::label).toList());
    }

    @Test
    void aSecondBoxOverTheSameObjectIsDroppedButOtherClassesStay() {
        Region person = new Region("person", 0.9, 0.1, 0.1, 0.4, 0.8);
        Region samePerson = new Region("person", 0.6, 0.12, 0.1, 0.4, 0.78);
        Region otherPerson = new Region("person", 0.5, 0.55, 0.1, 0.4, 0.8);
        Region horseUnderIt = new Region("horse", 0.7, 0.1, 0.2, 0.4, 0.7);

        List<Region> kept = ObjectDetector.select(List.of(person, horseUnderIt, samePerson, otherPerson), THRESHOLDS);

        assertEquals(List.of(person, horseUnderIt, otherPerson), kept);
    }

    @Test
    void intersectionOverUnion() {
        Region a = new Region("x", 1, 0, 0, 0.5, 0.5);

        assertEquals(1.0, ObjectDetector.iou(a, a), 1e-9);
        assertEquals(0.0, ObjectDetector.iou(a, new Region("x", 1, 0.5, 0.5, 0.5, 0.5)), 1e-9);
        assertEquals(1.0 / 3, ObjectDetector.iou(a, new Region("x", 1, 0.25, 0, 0.5, 0.5)), 1e-9);
    }
}
