package dev.photosearch.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ObjectWordsTest {

    private final ObjectWords words = new ObjectWords(ObjectClass.coco().stream()
            .collect(Collectors.toMap(ObjectClass::label, Function.identity())));

    private static Region box(String label, double x, double y, double w, double h) {
        return new Region(label, 0.9, x, y, w, h);
    }

    @Test
    void objectsFillingMoreOfThePictureComeFirstWhateverTheirNumber() {
        List<Region> street = List.of(box("person", 0.1, 0.5, 0.05, 0.2), box("person", 0.2, 0.5, 0.05, 0.2),
                box("person", 0.3, 0.5, 0.05, 0.2), box("bus", 0.2, 0.2, 0.6, 0.6), box("car", 0.8, 0.6, 0.1, 0.1));
        assertEquals("a bus, three people and a car", words.counted(street));
        assertEquals("", words.counted(List.of()));
    }

    @Test
    void uncertainObjectsAreReadFromTheDetectorsFact() {
        Analysis objects = new Analysis("objects", 4, "", List.of(), Map.of("perhaps", "cup,orange"));
        assertEquals("perhaps a cup and an orange", words.perhaps(objects));
        assertEquals("", words.perhaps(new Analysis("objects", 4, "", List.of(), Map.of())));
    }
}
