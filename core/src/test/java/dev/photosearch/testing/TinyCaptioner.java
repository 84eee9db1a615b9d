package dev.photosearch.testing;

import dev.photosearch.models.InstalledModel;
import dev.photosearch.models.ModelCatalog;
import dev.photosearch.models.ModelFile;
import dev.photosearch.models.ModelSpec;
import dev.photosearch.models.ModelStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A captioner folder with tiny graphs that keep the real export's names and ranks: encoder {@code pixel_values}
 * [N,3,224,224] → {@code last_hidden_state} [N,224,3]; decoder {@code input_ids} [B,S] + {@code
 * encoder_hidden_states} [B,T,3] → {@code logits} [B,S,V]. The decoder follows a fixed chain "a → cat|dog → on →
 * sofa → end", where the image's mean brightness decides between cat (bright) and dog (dark). Plumbing, not
 * quality.
 */
public final class TinyCaptioner {

    public static final List<String> WORDS = List.of("a", "Ġcat", "Ġon", "Ġsofa", "Ġdog");
    private static final int V = 32;

    public static final ModelSpec SPEC = new ModelSpec("tiny-captioner", "captioner", "tiny", "test/captioner", "t1",
            "test", List.of(
                    new ModelFile("onnx/encoder_model.onnx", "encoder", 0, null, null, null),
                    new ModelFile("onnx/decoder_model.onnx", "decoder", 0, null, null, null),
                    new ModelFile("tokenizer.json", "tokenizer", 0, null, null, null),
                    new ModelFile("config.json", "config", 0, null, null, null),
                    new ModelFile("generation_config.json", "generation", 0, null, null, null)));

    private TinyCaptioner() {}

    public static InstalledModel install(Path source, Path models) {
        float[] chain = new float[V * V];
        for (int row = 0; row < V; row++) {
            chain[row * V] = 10; // by default: end
        }
        set(chain, 0, 0, 0);
        set(chain, 0, 1, 10);
        set(chain, 1, 0, 0);
        set(chain, 1, 2, 5);
        set(chain, 1, 5, 5);
        set(chain, 2, 0, 0);
        set(chain, 2, 3, 10);
        set(chain, 5, 0, 0);
        set(chain, 5, 3, 10);
        set(chain, 3, 0, 0);
        set(chain, 3, 4, 10);
        float[] brightness = new float[V];
        brightness[2] = 1;
        brightness[5] = -1;
        new TinyOnnx().input("pixel_values", TinyOnnx.FLOAT, -1, 3, 224, 224)
                .output("last_hidden_state", TinyOnnx.FLOAT, -1, 224, 3)
                .node("ReduceMean", List.of("pixel_values"), List.of("rows"), "axes", new long[] {3}, "keepdims", 0L)
                .node("Transpose", List.of("rows"), List.of("last_hidden_state"), "perm", new long[] {0, 2, 1})
                .write(source.resolve("onnx/encoder_model.onnx"));
        new TinyOnnx().input("input_ids", TinyOnnx.INT64, -1, -1)
                .input("encoder_hidden_states", TinyOnnx.FLOAT, -1, -1, 3)
                .output("logits", TinyOnnx.FLOAT, -1, -1, V)
                .floats("chain", chain, V, V).floats("brightness", brightness, V)
                .node("Gather", List.of("chain", "input_ids"), List.of("next"), "axis", 0L)
                .node("ReduceMean", List.of("encoder_hidden_states"), List.of("mean"), "axes", new long[] {1, 2},
                        "keepdims", 1L)
                .node("Mul", List.of("mean", "brightness"), List.of("bias"))
                .node("Add", List.of("next", "bias"), List.of("logits"))
                .write(source.resolve("onnx/decoder_model.onnx"));
        TinyTokenizers.gpt2(source.resolve("tokenizer.json"), WORDS);
        try {
            Files.writeString(source.resolve("config.json"),
                    "{\"decoder_start_token_id\": 0, \"eos_token_id\": 0, \"pad_token_id\": 0}");
            Files.writeString(source.resolve("generation_config.json"), "{\"eos_token_id\": 0, \"max_length\": 16}");
            return new ModelStore(models, ModelCatalog.of(List.of(SPEC))).importFrom(SPEC, source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void set(float[] chain, int row, int col, float value) {
        chain[row * V + col] = value;
    }
}
