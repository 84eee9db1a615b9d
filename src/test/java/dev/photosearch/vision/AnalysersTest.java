package dev.photosearch.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class AnalysersTest {

    @Test
    void whatCannotRunIsLeftOutAndSaidOnce() {
        for (Analysers.DetectorLoader broken : List.<Analysers.DetectorLoader>of(
                () -> { throw new IOException("model missing"); },
                () -> { throw new UnsatisfiedLinkError("no onnxruntime"); })) {
            List<String> notices = new ArrayList<>();
            try (Analysers analysers = new Analysers(broken, Optional::empty, notices::add)) {
                assertEquals(List.of("colours", "signature"), analysers.list().stream().map(Analyser::name).toList());
            }
            assertEquals(2, notices.size(), notices.toString());
            assertTrue(notices.get(0).startsWith("object detection is off"), notices.get(0));
            assertTrue(notices.get(1).contains("tesseract"), notices.get(1));
        }
    }

    @Test
    void theStandardSetSeesObjectsColoursTextAndSignatures() {
        Optional<TextReader> text = TextReader.find();
        text.ifPresent(TextReader::close);
        Assumptions.assumeTrue(text.isPresent(), "tesseract-ocr is not installed; .ci/run installs it");
        List<String> notices = new ArrayList<>();
        try (Analysers analysers = Analysers.standard(notices::add)) {
            assertEquals(List.of("objects", "colours", "text", "signature"),
                    analysers.list().stream().map(Analyser::name).toList());
        }
        assertEquals(List.of(), notices);
    }
}
