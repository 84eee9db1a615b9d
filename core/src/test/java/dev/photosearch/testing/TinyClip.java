package dev.photosearch.testing;

import dev.photosearch.models.InstalledModel;
import dev.photosearch.models.ModelCatalog;
import dev.photosearch.models.ModelFile;
import dev.photosearch.models.ModelSpec;
import dev.photosearch.models.ModelStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A CLIP model folder with tiny graphs that keep the real exports' input and output names and shapes:
 * vision {@code pixel_values} [N,3,224,224] → {@code image_embeds} [N,512] (channel means times {@link #VISION});
 * text {@code input_ids}, {@code attention_mask} [N,77] → {@code text_embeds} [N,512] (masked ids times
 * {@link #text}). They prove plumbing, not quality.
 */
public final class TinyClip {

    public static final int DIM = 512;
    /** Vision weights [3,512]: each channel leans on its own third of the dimensions. */
    public static final float[] VISION = new float[3 * DIM];

    static {
        for (int c = 0; c < 3; c++) {
            for (int j = 0; j < DIM; j++) {
                VISION[c * DIM + j] = (j % 3 == c ? 1f : 0f) + 0.01f * (float) Math.sin(c * 31 + j);
            }
        }
    }

    public static final ModelSpec SPEC = new ModelSpec("tiny-clip", "clip", "tiny CLIP contract graphs", "test/clip",
            "t1", "test", List.of(
                    new ModelFile("onnx/vision_model.onnx", "vision", 0, null, null, null),
                    new ModelFile("onnx/text_model.onnx", "text", 0, null, null, null),
                    new ModelFile("tokenizer.json", "tokenizer", 0, null, null, null)));

    private TinyClip() {}

    /** Text weights [77,512]. */
    public static float text(int position, int j) {
        return (float) Math.cos(position * 0.7 + j * 0.13) / 50_000f;
    }

    /** Writes the files into {@code source} and imports them into a store under {@code models}. */
    public static InstalledModel install(Path source, Path models) {
        float[] textWeights = new float[77 * DIM];
        for (int p = 0; p < 77; p++) {
            for (int j = 0; j < DIM; j++) {
                textWeights[p * DIM + j] = text(p, j);
            }
        }
        new TinyOnnx().input("pixel_values", TinyOnnx.FLOAT, -1, 3, 224, 224)
                .output("image_embeds", TinyOnnx.FLOAT, -1, DIM)
                .floats("w", VISION, 3, DIM)
                .node("ReduceMean", List.of("pixel_values"), List.of("means"), "axes", new long[] {2, 3},
                        "keepdims", 0L)
                .node("MatMul", List.of("means", "w"), List.of("image_embeds"))
                .write(source.resolve("onnx/vision_model.onnx"));
        new TinyOnnx().input("input_ids", TinyOnnx.INT64, -1, 77)
                .input("attention_mask", TinyOnnx.INT64, -1, 77)
                .output("text_embeds", TinyOnnx.FLOAT, -1, DIM)
                .floats("t", textWeights, 77, DIM)
                .node("Cast", List.of("input_ids"), List.of("ids_f"), "to", 1L)
                .node("Cast", List.of("attention_mask"), List.of("mask_f"), "to", 1L)
                .node("Mul", List.of("ids_f", "mask_f"), List.of("masked"))
                .node("MatMul", List.of("masked", "t"), List.of("text_embeds"))
                .write(source.resolve("onnx/text_model.onnx"));
        TinyTokenizers.clip(source.resolve("tokenizer.json"));
        try {
            return new ModelStore(models, ModelCatalog.of(List.of(SPEC))).importFrom(SPEC, source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The normalised vector the tiny vision graph gives for a picture of one colour, worked out here. */
    public static float[] expectedImage(java.awt.Color c) {
        float[] means = {((c.getRed() / 255f) - 0.48145466f) / 0.26862954f,
            ((c.getGreen() / 255f) - 0.4578275f) / 0.26130258f, ((c.getBlue() / 255f) - 0.40821073f) / 0.27577711f};
        float[] out = new float[DIM];
        for (int ch = 0; ch < 3; ch++) {
            for (int j = 0; j < DIM; j++) {
                out[j] += means[ch] * VISION[ch * DIM + j];
            }
        }
        return dev.photosearch.models.Vectors.normalised(out);
    }

    /** The vector the tiny text graph gives for these ids and mask, before normalisation. */
    public static float[] expectedText(long[] ids, long[] mask) {
        float[] out = new float[DIM];
        for (int p = 0; p < ids.length; p++) {
            for (int j = 0; j < DIM; j++) {
                out[j] += ids[p] * mask[p] * text(p, j);
            }
        }
        return out;
    }
}
