package dev.photosearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.photosearch.testing.Pictures;
import dev.photosearch.testing.WriteTinyModels;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.StreamSupport;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The models, similar and near-duplicates commands, with the real catalogue: the tiny contract graphs are imported
 * under the names of catalogue models whose hashes are not pinned (so they prove the wiring, not the models).
 */
class ModelsCommandTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 4];
        all[0] = "--home";
        all[1] = dir.resolve("home").toString();
        all[2] = "--model-dir";
        all[3] = dir.resolve("models").toString();
        System.arraycopy(args, 0, all, 4, args.length);
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), all);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void listShowsTheCatalogue() {
        Run run = run("models", "list");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("clip-vit-b32-q"), run.out());
        assertTrue(run.out().contains("vit-gpt2-captioner-q"), run.out());
        assertTrue(run.out().contains("clip-multilingual-q"), run.out());
        assertFalse(run.out().contains("installed"), run.out());
    }

    @Test
    void pullOfflineFailsWithOneClearLine() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Run run = run("models", "pull", "--base-url", "http://127.0.0.1:" + closedPort + "/", "clip-vit-b32-q");
        assertEquals(1, run.code());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().startsWith("photosearch: cannot reach 127.0.0.1 to download clip-vit-b32-q (offline?)"),
                run.err());
    }

    @Test
    void importRefusesAFileThatFailsThePinnedChecksum() throws IOException {
        Path src = dir.resolve("fake");
        for (String f : new String[] {"onnx/vision_model_quantized.onnx", "onnx/text_model_quantized.onnx",
            "tokenizer.json", "preprocessor_config.json"}) {
            Files.createDirectories(src.resolve(f).getParent());
            Files.writeString(src.resolve(f), "not the real file");
        }
        Run run = run("models", "import", "clip-vit-b32-q", src.toString());
        assertEquals(1, run.code());
        assertTrue(run.err().contains("onnx/text_model_quantized.onnx fails its checksum"), run.err());
        assertFalse(Files.exists(dir.resolve("models/clip-vit-b32-q/manifest.json")));
    }

    @Test
    void withModelsImportedIndexAddsClipAndCaptionsAndSearchUsesThem() throws IOException {
        WriteTinyModels.write(dir.resolve("tiny"));
        assertEquals(0, run("models", "import", "clip-vit-b32", dir.resolve("tiny/clip").toString()).code());
        Run imported = run("models", "import", "vit-gpt2-captioner-q", dir.resolve("tiny/captioner").toString());
        assertEquals(0, imported.code(), imported.err());
        assertTrue(run("models", "list").out().contains("installed"));

        Path photos = dir.resolve("photos");
        Files.createDirectories(photos);
        ImageIO.write(Pictures.scene(1, 200, 150), "png", photos.resolve("beach.png").toFile());
        ImageIO.write(Pictures.scene(1, 100, 75), "jpg", photos.resolve("beach_copy.jpg").toFile());
        ImageIO.write(Pictures.uniform(java.awt.Color.WHITE, 60, 40), "png", photos.resolve("white.png").toFile());
        Run index = run("index", photos.toString());
        assertEquals(0, index.code(), index.err());
        assertTrue(index.out().contains("3 new"), index.out());

        Run search = run("search", "--json", "a", "photo", "of", "a", "cat");
        assertEquals(0, search.code(), search.err());
        JsonNode results = new ObjectMapper().readTree(search.out()).get("results");
        assertTrue(StreamSupport.stream(results.spliterator(), false).allMatch(r -> r.get("matched").has("clip")),
                search.out());
        assertTrue(StreamSupport.stream(results.spliterator(), false)
                .anyMatch(r -> r.get("description").asText().contains("A cat on sofa")), search.out());

        Run similar = run("similar", "beach.png");
        assertEquals(0, similar.code(), similar.err());
        assertTrue(similar.out().contains("(clip)"), similar.out());
        Run byFile = run("similar", "--json", "--image", photos.resolve("white.png").toString());
        assertEquals("white.png", new ObjectMapper().readTree(byFile.out()).get(0).get("path").asText(),
                byFile.out());
        Run duplicates = run("near-duplicates");
        assertTrue(duplicates.out().contains("1. 2 photos"), duplicates.out());
        assertTrue(duplicates.out().contains("beach_copy.jpg"), duplicates.out());

        assertEquals(0, run("models", "remove", "clip-vit-b32").code());
        assertFalse(Files.exists(dir.resolve("models/clip-vit-b32")));
    }

    @Test
    void installingClipOnAnOlderIndexKeepsSearchWorkingUntilTheNextIndexRun() throws IOException {
        Path photos = dir.resolve("photos");
        Files.createDirectories(photos);
        ImageIO.write(Pictures.scene(4, 120, 90), "png", photos.resolve("lake.png").toFile());
        assertEquals(0, run("index", photos.toString()).code());
        Run before = run("search", "--json", "lake");

        WriteTinyModels.write(dir.resolve("tiny"));
        assertEquals(0, run("models", "import", "clip-vit-b32", dir.resolve("tiny/clip").toString()).code());
        Run after = run("search", "--json", "lake");
        assertEquals(0, after.code(), after.err());
        JsonNode hit = new ObjectMapper().readTree(after.out()).get("results").get(0);
        assertEquals("lake.png", hit.get("path").asText());
        assertFalse(hit.get("matched").has("clip"), "no photo has a CLIP vector yet");
        assertEquals(new ObjectMapper().readTree(before.out()).get("results"),
                new ObjectMapper().readTree(after.out()).get("results"));

        Run reindex = run("index", photos.toString());
        assertTrue(reindex.out().contains("1 updated"), reindex.out());
        JsonNode upgraded = new ObjectMapper().readTree(run("search", "--json", "lake").out()).get("results").get(0);
        assertTrue(upgraded.get("matched").has("clip"), upgraded.toString());
    }
}
