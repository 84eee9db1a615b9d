package dev.photosearch.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.photosearch.models.InstalledModel;
import dev.photosearch.models.ModelException;
import dev.photosearch.testing.Pictures;
import dev.photosearch.testing.TinyCaptioner;
import dev.photosearch.testing.TinyOnnx;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contract tests: the captioner runs tiny encoder and decoder graphs with the real export's input and output names
 * (see {@link TinyCaptioner}); they prove the plumbing (ViT input, batched encoder, decoder rows per beam, config
 * tokens, detokenisation), not caption quality.
 */
class CaptionerContractTest {

    @TempDir
    Path dir;

    @Test
    void captionsABatchGreedilyAndWithBeams() throws IOException {
        InstalledModel model = TinyCaptioner.install(dir.resolve("src"), dir.resolve("models"));
        for (int beams : new int[] {1, 3}) {
            try (Captioner captioner = Captioner.load(model, new Captioner.Settings(beams, 20, 3), 1)) {
                assertEquals(List.of("a cat on sofa", "a dog on sofa"),
                        captioner.caption(List.of(Pictures.uniform(Color.WHITE, 30, 20),
                                Pictures.uniform(Color.BLACK, 30, 20))));
            }
        }
    }

    @Test
    void theAnalyserPutsTheSentenceInTheDescriptionPhrase() throws IOException {
        InstalledModel model = TinyCaptioner.install(dir.resolve("src"), dir.resolve("models"));
        try (Captioner captioner = Captioner.load(model, Captioner.Settings.DEFAULT, 1)) {
            CaptionAnalyser analyser = new CaptionAnalyser(captioner);
            Analysis analysis = analyser.analyse(Pictures.uniform(new Color(250, 250, 240), 30, 20));
            assertEquals("caption", analysis.analyser());
            assertEquals("a cat on sofa", analysis.phrase());
            assertEquals("tiny-captioner@t1", analysis.facts().get("model"));
        }
    }

    @Test
    void aDecoderWithACacheIsRefusedWithAClearMessage() {
        Path src = dir.resolve("src");
        InstalledModel model = TinyCaptioner.install(src, dir.resolve("models"));
        new TinyOnnx().input("input_ids", TinyOnnx.INT64, -1, -1)
                .input("past_key_values.0.key", TinyOnnx.FLOAT, -1, -1, 3)
                .output("logits", TinyOnnx.FLOAT, -1, -1, 3)
                .node("Identity", List.of("past_key_values.0.key"), List.of("logits"))
                .write(model.file("decoder"));
        ModelException e = assertThrows(ModelException.class,
                () -> Captioner.load(model, Captioner.Settings.DEFAULT, 1));
        assertTrue(e.getMessage().contains("past_key_values.0.key"), e.getMessage());
    }
}
