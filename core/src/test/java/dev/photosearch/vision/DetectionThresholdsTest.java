package dev.photosearch.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DetectionThresholdsTest {

    private static final Set<String> LABELS = ObjectClass.coco().stream().map(ObjectClass::label)
            .collect(Collectors.toSet());

    @Test
    void shippedThresholdsLoadWithAGlobalValueAndKnownClasses() {
        DetectionThresholds shipped = DetectionThresholds.shipped(LABELS);

        assertTrue(shipped.global() >= 0.1 && shipped.global() <= 0.6, "global " + shipped.global());
        assertTrue(LABELS.containsAll(shipped.perClass().keySet()));
        assertEquals(shipped.global(), shipped.of("giraffe"), "an untuned class uses the global threshold");
        shipped.perClass().forEach((label, score) -> assertEquals(score, shipped.of(label)));
    }

    @Test
    void parsesEscapedLabels() throws Exception {
        DetectionThresholds t = DetectionThresholds.parse(
                new StringReader("default=0.3\ndining\\ table=0.2\n"), LABELS);

        assertEquals(0.2, t.of("dining table"));
        assertEquals(0.3, t.of("dog"));
    }

    @Test
    void rejectsUnknownClassesMissingDefaultAndBadScores() {
        for (String text : List.of("default=0.3\nunicorn=0.2", "dog=0.2", "default=1.5", "default=0.3\ndog=abc",
                "default=0")) {
            assertThrows(IllegalArgumentException.class,
                    () -> DetectionThresholds.parse(new StringReader(text), LABELS), text);
        }
    }
}
