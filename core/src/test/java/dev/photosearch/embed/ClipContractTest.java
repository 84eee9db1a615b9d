package dev.photosearch.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.photosearch.models.InstalledModel;
import dev.photosearch.models.ModelCatalog;
import dev.photosearch.models.ModelFile;
import dev.photosearch.models.ModelSpec;
import dev.photosearch.models.ModelStore;
import dev.photosearch.models.Vectors;
import dev.photosearch.testing.Pictures;
import dev.photosearch.testing.TinyClip;
import dev.photosearch.testing.TinyOnnx;
import dev.photosearch.testing.TinyTokenizers;
import dev.photosearch.vision.ClipImageEncoder;
import java.awt.Color;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contract tests: the CLIP encoders run tiny ONNX graphs with the real exports' input and output names and shapes,
 * and their outputs are compared with the same arithmetic done here. They prove the plumbing (preprocessing,
 * tokens, tensors, batching, pooling, projection, normalisation), not the quality of any real model.
 */
class ClipContractTest {

    @TempDir
    Path dir;

    @Test
    void imageEncoderPreprocessesBatchesAndNormalises() throws IOException {
        InstalledModel model = TinyClip.install(dir.resolve("src"), dir.resolve("models"));
        Color orange = new Color(250, 140, 40);
        Color navy = new Color(20, 40, 110);
        try (ClipImageEncoder encoder = ClipImageEncoder.load(model, 1)) {
            List<float[]> vectors = encoder.embed(
                    List.of(Pictures.uniform(orange, 40, 30), Pictures.uniform(navy, 40, 30)));
            assertEquals(2, vectors.size());
            assertEquals(512, encoder.dimension());
            assertEquals("tiny-clip@t1", encoder.modelId());
            assertArrayEquals(TinyClip.expectedImage(orange), vectors.get(0), 1e-5f);
            assertArrayEquals(TinyClip.expectedImage(navy), vectors.get(1), 1e-5f);
        }
    }

    @Test
    void textEncoderFeedsIdsAndMaskAndNormalises() throws IOException {
        InstalledModel model = TinyClip.install(dir.resolve("src"), dir.resolve("models"));
        try (ClipTextEncoder encoder = ClipTextEncoder.load(model, 1);
                ClipTokenizer tokenizer = ClipTokenizer.clip(model.file("tokenizer"))) {
            ClipTokenizer.Tokens tokens = tokenizer.encode("a photo of a cat");
            float[] expected = Vectors.normalised(TinyClip.expectedText(tokens.ids(), tokens.mask()));
            assertArrayEquals(expected, encoder.encode("a photo of a cat"), 1e-5f);
        }
    }

    @Test
    void multilingualEncoderPoolsRealTokensAndProjectsIntoClipSpace() throws IOException {
        // Hidden state of token t is id_t × (1, 2, 3, 4); the dense layer maps those 4 numbers to 512.
        ModelSpec spec = new ModelSpec("tiny-mclip", "clip-text", "tiny", "test/mclip", "t1", "test", List.of(
                new ModelFile("onnx/model.onnx", "text", 0, null, null, null),
                new ModelFile("tokenizer.json", "tokenizer", 0, null, null, null),
                new ModelFile("2_Dense/model.safetensors", "dense", 0, null, null, null)));
        Path src = dir.resolve("mclip");
        new TinyOnnx().input("input_ids", TinyOnnx.INT64, -1, -1).input("attention_mask", TinyOnnx.INT64, -1, -1)
                .output("token_embeddings", TinyOnnx.FLOAT, -1, -1, 4)
                .floats("h", new float[] {1, 2, 3, 4}, 1, 4).longs("axes", new long[] {2}, 1)
                .node("Cast", List.of("input_ids"), List.of("ids_f"), "to", 1L)
                .node("Unsqueeze", List.of("ids_f", "axes"), List.of("ids_3d"))
                .node("MatMul", List.of("ids_3d", "h"), List.of("token_embeddings"))
                .write(src.resolve("onnx/model.onnx"));
        TinyTokenizers.gpt2(src.resolve("tokenizer.json"), List.of("un", "Ġchat", "Ġsur", "Ġle", "Ġcanape"));
        float[] weight = new float[512 * 4];
        for (int i = 0; i < weight.length; i++) {
            weight[i] = (float) Math.sin(i);
        }
        writeSafetensors(src.resolve("2_Dense/model.safetensors"), weight);
        InstalledModel model = new ModelStore(dir.resolve("models"), ModelCatalog.of(List.of(spec)))
                .importFrom(spec, src);

        MultilingualClipTextEncoder encoder = MultilingualClipTextEncoder.load(model, 1);
        CrossModalEncoder english = text -> new float[] {1, 0};
        // The router owns and closes both encoders.
        try (ClipQueryEncoder router = new ClipQueryEncoder("tiny-clip@t1", english, Optional.of(encoder))) {
            float[] vector = encoder.encode("un chat");
            // Tokens "un" (1) and "Ġchat" (2): mean id 1.5, pooled (1.5, 3, 4.5, 6).
            float[] pooled = {1.5f, 3f, 4.5f, 6f};
            float[] expected = new float[512];
            for (int o = 0; o < 512; o++) {
                for (int i = 0; i < 4; i++) {
                    expected[o] += weight[o * 4 + i] * pooled[i];
                }
            }
            assertArrayEquals(Vectors.normalised(expected), vector, 1e-5f);

            // The query router sends the French query there and the English one to CLIP's own encoder.
            assertArrayEquals(vector, router.encode(new QueryText("un chat", Language.FRENCH, "a cat")), 1e-6f);
            assertArrayEquals(new float[] {1, 0}, router.encode(QueryText.english("a cat on the sofa")));
        }
    }

    private static void writeSafetensors(Path file, float[] weight) throws IOException {
        String header = "{\"linear.weight\":{\"dtype\":\"F32\",\"shape\":[512,4],\"data_offsets\":[0,"
                + weight.length * 4 + "]}}";
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(8 + h.length + weight.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(h.length).put(h);
        for (float w : weight) {
            out.putFloat(w);
        }
        Files.createDirectories(file.getParent());
        Files.write(file, out.array());
    }
}
