package dev.photosearch.models;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/** A made-up two-file model for the store and downloader tests: one file with a known hash, one without. */
final class TinyModels {

    static final byte[] WEIGHTS = new byte[5000];
    static final byte[] TOKENIZER = "{\"version\": \"1.0\"}".getBytes(StandardCharsets.UTF_8);
    static final ModelSpec SPEC;

    static {
        new Random(7).nextBytes(WEIGHTS);
        try {
            String sha = Checksums.sha256(writeTemp(WEIGHTS));
            SPEC = new ModelSpec("tiny", "test", "a tiny test model", "test/tiny", "v1", "none", List.of(
                    new ModelFile("onnx/weights.bin", "weights", 0.005, (long) WEIGHTS.length, sha, null),
                    new ModelFile("tokenizer.json", "tokenizer", 0.001, null, null, null)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private TinyModels() {}

    private static java.nio.file.Path writeTemp(byte[] bytes) throws java.io.IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("tiny", ".bin");
        java.nio.file.Files.write(file, bytes);
        file.toFile().deleteOnExit();
        return file;
    }
}
