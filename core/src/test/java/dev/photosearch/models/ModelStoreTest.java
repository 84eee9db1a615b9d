package dev.photosearch.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Installing models from files on disk, verifying them, finding and removing them. */
class ModelStoreTest {

    @TempDir
    Path dir;

    private ModelStore store() {
        return new ModelStore(dir.resolve("models"), ModelCatalog.of(List.of(TinyModels.SPEC)));
    }

    private Path prepared(byte[] weights, boolean flat) throws IOException {
        Path source = dir.resolve("download");
        Path weightsFile = source.resolve(flat ? "weights.bin" : "onnx/weights.bin");
        Files.createDirectories(weightsFile.getParent());
        Files.write(weightsFile, weights);
        Files.write(source.resolve("tokenizer.json"), TinyModels.TOKENIZER);
        return source;
    }

    @Test
    void importsAPreparedFolderWithRepositoryPathsOrFlat() throws IOException {
        for (boolean flat : new boolean[] {false, true}) {
            InstalledModel model = store().importFrom(TinyModels.SPEC, prepared(TinyModels.WEIGHTS, flat));
            assertArrayEquals(TinyModels.WEIGHTS, Files.readAllBytes(model.file("weights")));
            assertEquals(model, store().find("test").orElseThrow());
            assertEquals("tiny@v1", model.id());
        }
    }

    @Test
    void aCorruptModelFileIsRefusedByChecksumAndNothingIsInstalled() throws IOException {
        byte[] corrupt = TinyModels.WEIGHTS.clone();
        corrupt[0] ^= 1;
        ModelException e = assertThrows(ModelException.class,
                () -> store().importFrom(TinyModels.SPEC, prepared(corrupt, false)));
        assertTrue(e.getMessage().contains("onnx/weights.bin fails its checksum"), e.getMessage());
        assertTrue(store().find("test").isEmpty());
        assertFalse(Files.exists(store().dir(TinyModels.SPEC)));
    }

    @Test
    void aTruncatedFileIsRefusedBySize() throws IOException {
        ModelException e = assertThrows(ModelException.class, () -> store().importFrom(TinyModels.SPEC,
                prepared(java.util.Arrays.copyOf(TinyModels.WEIGHTS, 10), false)));
        assertTrue(e.getMessage().contains("has 10 bytes, expected 5000"), e.getMessage());
    }

    @Test
    void aFileWithoutCatalogueHashMustMatchTheHashRecordedAtFirstInstall() throws IOException {
        store().importFrom(TinyModels.SPEC, prepared(TinyModels.WEIGHTS, false));
        Files.writeString(dir.resolve("download/tokenizer.json"), "{\"version\": \"2.0\"}");

        ModelException e = assertThrows(ModelException.class,
                () -> store().importFrom(TinyModels.SPEC, dir.resolve("download")));
        assertTrue(e.getMessage().contains("tokenizer.json fails its checksum"), e.getMessage());
        assertTrue(store().find("test").isPresent(), "the earlier install is kept");
    }

    @Test
    void aMissingFileIsNamed() throws IOException {
        Path source = prepared(TinyModels.WEIGHTS, false);
        Files.delete(source.resolve("tokenizer.json"));
        ModelException e = assertThrows(ModelException.class, () -> store().importFrom(TinyModels.SPEC, source));
        assertEquals("cannot import tiny: tokenizer.json is not in " + source, e.getMessage());
    }

    @Test
    void removeDeletesTheFolder() throws IOException {
        store().importFrom(TinyModels.SPEC, prepared(TinyModels.WEIGHTS, false));
        assertTrue(store().remove(TinyModels.SPEC));
        assertTrue(store().find("test").isEmpty());
        assertFalse(store().remove(TinyModels.SPEC));
    }

    @Test
    void theBuiltInCatalogueNamesEveryRoleTheCodeUses() {
        ModelCatalog catalog = ModelCatalog.builtIn();
        for (ModelSpec spec : catalog.all()) {
            List<String> roles = switch (spec.kind()) {
                case "clip" -> List.of("vision", "text", "tokenizer");
                case "clip-text" -> List.of("text", "tokenizer", "dense");
                case "captioner" -> List.of("encoder", "decoder", "tokenizer", "config", "generation");
                default -> throw new AssertionError("unknown kind " + spec.kind());
            };
            roles.forEach(spec::file);
            spec.files().stream().filter(f -> f.sha256() != null)
                    .forEach(f -> assertTrue(f.sha256().matches("[0-9a-f]{64}"), f.path()));
        }
        assertTrue(catalog.find("clip-vit-b32-q").isPresent());
        assertThrows(IllegalArgumentException.class, () -> catalog.byName("nope"));
    }
}
