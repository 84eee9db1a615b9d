package dev.photosearch.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalysersTest {

    @Test
    void aDetectorThatCannotLoadLeavesTheColours() {
        for (Analysers.DetectorLoader broken : List.<Analysers.DetectorLoader>of(
                () -> { throw new IOException("model missing"); },
                () -> { throw new UnsatisfiedLinkError("no libtensorflow"); })) {
            try (Analysers analysers = new Analysers(broken)) {
                assertEquals(List.of("colours"), analysers.list().stream().map(Analyser::name).toList());
            }
        }
    }

    @Test
    void theStandardSetSeesColoursAndObjects() {
        try (Analysers analysers = Analysers.standard()) {
            assertEquals(List.of("colours", "objects"), analysers.list().stream().map(Analyser::name).toList());
        }
    }
}
