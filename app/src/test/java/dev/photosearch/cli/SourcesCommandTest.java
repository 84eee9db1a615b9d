package dev.photosearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.photosearch.cli.CommandLineTest.Run;
import dev.photosearch.testing.Pictures;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listing the indexed sources and taking one out, as a user does after downloading a newer export. */
class SourcesCommandTest {

    @TempDir
    Path dir;

    @Test
    void listsTheSourcesAndRemovesOneWithItsPhotosOnly() throws Exception {
        Path home = dir.resolve("home");
        Path folder = dir.resolve("pictures");
        drawn(folder.resolve("red.png"), Color.RED);
        drawn(folder.resolve("blue.png"), Color.BLUE);
        assertEquals("Nothing indexed yet.", CommandLineTest.runIn(home, "sources").out().strip());
        assertEquals(0, CommandLineTest.runIn(home, "index", folder.toString(),
                CommandLineTest.EXAMPLE.toString()).code());

        JsonNode listed = new ObjectMapper().readTree(CommandLineTest.runIn(home, "sources", "--json").out());
        assertEquals(2, listed.size());
        String folderKey = "folder:" + folder.toAbsolutePath().normalize();
        assertEquals(folderKey, listed.get(0).get("source").asText());
        assertEquals(2, listed.get(0).get("photos").asInt());
        String exportKey = listed.get(1).get("source").asText();
        assertEquals(13, listed.get(1).get("photos").asInt());

        assertEquals(15, thumbnails(home));
        Run removed = CommandLineTest.runIn(home, "sources", "remove", exportKey);
        assertEquals(0, removed.code(), removed.err());
        assertEquals(2, thumbnails(home), "the export's thumbnails went with it");
        assertEquals(exportKey + ": 13 photos removed", removed.out().strip());
        assertEquals(String.format("%8d  %s", 2, folderKey),
                CommandLineTest.runIn(home, "sources").out().stripTrailing());
        Run search = CommandLineTest.runIn(home, "search", "--json", "a boat on a lake");
        assertEquals(0, search.code(), search.err());
        for (JsonNode hit : new ObjectMapper().readTree(search.out()).get("results")) {
            assertTrue(hit.get("path").asText().endsWith(".png"), "only the folder's photos are left: " + hit);
        }
    }

    @Test
    void anUnknownSourceIsAnErrorAndNothingIsRemoved() throws Exception {
        Path home = dir.resolve("home");
        assertEquals(0, CommandLineTest.runIn(home, "index", CommandLineTest.EXAMPLE.toString()).code());
        Run run = CommandLineTest.runIn(home, "sources", "remove", "folder:/nowhere");
        assertEquals(1, run.code());
        assertTrue(run.err().contains("not an indexed source: folder:/nowhere"), run.err());
        assertTrue(CommandLineTest.runIn(home, "sources").out().contains("      13  instagram-export:"));
    }

    private static long thumbnails(Path home) throws IOException {
        try (var files = Files.walk(home.resolve("thumbnails"))) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private static void drawn(Path file, Color color) throws IOException {
        Files.createDirectories(file.getParent());
        ImageIO.write(Pictures.uniform(color, 64, 48), "png", file.toFile());
    }
}
