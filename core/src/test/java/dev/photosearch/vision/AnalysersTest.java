package dev.photosearch.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class AnalysersTest {

    @Test
    void whatCannotRunIsLeftOutAndSaidOnce() {
        for (Analysers.DetectorLoader broken : List.<Analysers.DetectorLoader>of(
                () -> { throw new IOException("model missing"); },
                () -> { throw new UnsatisfiedLinkError("no onnxruntime"); })) {
            List<String> notices = new ArrayList<>();
            try (Analysers analysers = new Analysers(broken, () -> {
                throw new IllegalStateException(TesseractData.MISSING);
            }, notices::add)) {
                assertEquals(List.of("colours", "signature"), analysers.list().stream().map(Analyser::name).toList());
            }
            assertEquals(2, notices.size(), notices.toString());
            assertTrue(notices.get(0).startsWith("object detection is off"), notices.get(0));
            assertTrue(notices.get(1).startsWith("text in images will not be read: no Tesseract language data"),
                    notices.get(1));
        }
    }

    @Test
    void theStandardSetSeesObjectsColoursTextAndSignatures() {
        Assumptions.assumeTrue(TesseractData.find(System.getenv()).isPresent(), TextReaderTest.NO_DATA);
        List<String> notices = new ArrayList<>();
        try (Analysers analysers = Analysers.standard(notices::add)) {
            assertEquals(List.of("objects", "colours", "text", "signature"),
                    analysers.list().stream().map(Analyser::name).toList());
        }
        assertEquals(List.of(), notices);
    }
}
