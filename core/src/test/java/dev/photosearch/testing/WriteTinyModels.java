package dev.photosearch.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the tiny contract models laid out as the catalogue's {@code clip-vit-b32} ({@code OUT/clip}) and
 * {@code vit-gpt2-captioner-q} ({@code OUT/captioner}) name their files, for {@code photosearch models import}
 * and the model bench (docs/benchmarks.md).
 */
public final class WriteTinyModels {

    private WriteTinyModels() {}

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "target/tiny-models");
        write(out);
        System.out.println("tiny models written to " + out.resolve("clip") + " and " + out.resolve("captioner"));
    }

    public static void write(Path out) throws IOException {
        Path scratch = Files.createTempDirectory("tiny-store");
        TinyClip.install(out.resolve("clip"), scratch);
        Files.writeString(out.resolve("clip/preprocessor_config.json"), "{\"crop_size\": 224}");
        Path onnx = out.resolve("captioner/onnx");
        TinyCaptioner.install(out.resolve("captioner"), scratch);
        Files.move(onnx.resolve("encoder_model.onnx"), onnx.resolve("encoder_model_quantized.onnx"));
        Files.move(onnx.resolve("decoder_model.onnx"), onnx.resolve("decoder_model_quantized.onnx"));
    }
}
