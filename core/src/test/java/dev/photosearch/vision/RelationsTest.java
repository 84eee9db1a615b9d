package dev.photosearch.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RelationsTest {

    private static final Map<String, ObjectClass> CLASSES = ObjectClass.coco().stream()
            .collect(Collectors.toMap(ObjectClass::label, c -> c));

    private static Region box(String label, double x, double y, double w, double h) {
        return new Region(label, 0.9, x, y, w, h);
    }

    @Test
    void aPersonAboveAHorseRidesIt() {
        Region person = box("person", 0.40, 0.10, 0.20, 0.45);
        Region horse = box("horse", 0.30, 0.35, 0.40, 0.45);
        assertTrue(Relations.riding(person, horse));
        assertFalse(Relations.riding(box("person", 0.0, 0.3, 0.15, 0.5), horse), "standing beside it");
        assertEquals(List.of("a person riding a horse"), Relations.of(List.of(person, horse), CLASSES));
    }

    @Test
    void aCatLyingOnABedIsOnIt() {
        Region cat = box("cat", 0.35, 0.30, 0.25, 0.20);
        Region bed = box("bed", 0.10, 0.35, 0.80, 0.55);
        assertEquals(List.of("a cat on a bed"), Relations.of(List.of(cat, bed), CLASSES));
        assertTrue(Relations.of(List.of(box("cat", 0.0, 0.0, 0.1, 0.1), bed), CLASSES).isEmpty(), "far above");
    }

    @Test
    void aSmallThingInFrontOfAPersonIsHeld() {
        Region person = box("person", 0.30, 0.10, 0.30, 0.80);
        Region umbrella = box("umbrella", 0.35, 0.05, 0.25, 0.20);
        assertEquals(List.of("a person holding an umbrella"), Relations.of(List.of(person, umbrella), CLASSES));
    }

    @Test
    void twoBeingsSideBySideAreNextToEachOther() {
        Region dog = box("dog", 0.10, 0.50, 0.25, 0.30);
        Region person = box("person", 0.40, 0.20, 0.20, 0.70);
        assertEquals(List.of("a dog next to a person"), Relations.of(List.of(dog, person), CLASSES));
        assertTrue(Relations.of(List.of(dog, box("person", 0.9, 0.0, 0.1, 0.2)), CLASSES).isEmpty());
    }

    @Test
    void anObjectFillingThePictureIsSeenFromCloseUp() {
        assertEquals("a close-up of a pizza",
                Relations.closeUp(List.of(box("pizza", 0.05, 0.05, 0.9, 0.8)), CLASSES));
        assertEquals("", Relations.closeUp(List.of(box("pizza", 0.3, 0.3, 0.3, 0.3)), CLASSES));
    }

    @Test
    void atMostThreeRelationsAreSaid() {
        List<Region> crowd = List.of(box("person", 0.0, 0.1, 0.2, 0.8), box("dog", 0.21, 0.5, 0.1, 0.3),
                box("cat", 0.32, 0.5, 0.1, 0.3), box("horse", 0.43, 0.4, 0.15, 0.4), box("cow", 0.6, 0.4, 0.15, 0.4));
        assertEquals(3, Relations.of(crowd, CLASSES).size());
    }

    @Test
    void aPersonWhoseLowerBodyIsOnAChairSitsOnIt() {
        Region person = box("person", 0.40, 0.10, 0.20, 0.55);
        Region chair = box("chair", 0.35, 0.40, 0.30, 0.40);
        assertEquals(List.of("a person sitting on a chair"), Relations.of(List.of(person, chair), CLASSES));
        assertFalse(Relations.sitting(box("person", 0.40, 0.10, 0.20, 0.25), chair), "only above it");
        assertFalse(Relations.sitting(box("person", 0.0, 0.1, 0.15, 0.55), chair), "beside it");
    }

    @Test
    void aPersonStandingBeforeABusIsInFrontOfIt() {
        Region bus = box("bus", 0.10, 0.20, 0.80, 0.55);
        Region person = box("person", 0.45, 0.35, 0.08, 0.42);
        assertEquals(List.of("a person in front of a bus"), Relations.of(List.of(person, bus), CLASSES));
        assertFalse(Relations.inFrontOf(box("person", 0.45, 0.05, 0.05, 0.15), bus), "standing on its roof");
        assertFalse(Relations.inFrontOf(box("person", 0.92, 0.35, 0.06, 0.42), bus), "beside it");
    }
}
