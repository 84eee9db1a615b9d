package dev.photosearch.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.photosearch.testing.SpecialFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourcesTest {

    @TempDir
    Path dir;

    @Test
    void folderOfImages() throws Exception {
        Fixtures.write(dir.resolve("a.jpg"), "x");

        PhotoSource source = Sources.open(dir.toString());

        assertInstanceOf(FolderSource.class, source);
        assertEquals("folder:" + dir.toAbsolutePath().normalize(), source.key());
    }

    @Test
    void exportFolderInEachLayout() throws Exception {
        for (String layout : new String[] {"your_instagram_activity/content/", "content/", ""}) {
            Path root = dir.resolve("export-" + layout.length());
            Fixtures.copy("export/posts_1.json", root.resolve(layout + "posts_1.json"));

            PhotoSource source = Sources.open(root);

            assertInstanceOf(InstagramExportSource.class, source, layout);
            assertEquals("instagram-export:" + root, source.key());
        }
    }

    @Test
    void instaloaderFolder() throws Exception {
        Fixtures.copy("instaloader/2019-06-01_12-00-00_UTC.json", dir.resolve("2019-06-01_12-00-00_UTC.json"));

        assertInstanceOf(InstaloaderSource.class, Sources.open(dir));
    }

    @Test
    void eachJsonShape() throws Exception {
        Map<String, Class<?>> expected = Map.of(
                "export/posts_1.json", InstagramExportSource.class,
                "export/stories.json", InstagramExportSource.class,
                "export/profile_photos.json", InstagramExportSource.class,
                "scraper/natgeo.json", InstagramScraperSource.class,
                "instaloader/2019-06-01_12-00-00_UTC.json", InstaloaderSource.class);
        for (Map.Entry<String, Class<?>> entry : expected.entrySet()) {
            assertInstanceOf(entry.getValue(), Sources.open(Fixtures.resource(entry.getKey())), entry.getKey());
        }
    }

    @Test
    void storiesFileImportsStoriesOnly() throws Exception {
        Scan scan = Sources.open(Fixtures.resource("export/stories.json")).scan();

        assertEquals(1, scan.photos().size());
        assertEquals("story", scan.photos().get(0).metadata().get("kind"));
    }

    @Test
    void unknownJsonShapeSaysWhatWasExpected() throws Exception {
        Path json = Fixtures.write(dir.resolve("data.json"), "{\"items\": [1, 2]}");

        SourceException e = assertThrows(SourceException.class, () -> Sources.open(json));

        assertTrue(e.getMessage().contains("not a known format") && e.getMessage().contains("GraphImages"),
                e.getMessage());
    }

    @Test
    void malformedJsonNamesFileAndPosition() throws Exception {
        Path json = Fixtures.write(dir.resolve("posts_1.json"), "[\n  {\"media\": [\n    {\"uri\": \"a.jpg\" \"x\": 1}]}]");

        SourceException e = assertThrows(SourceException.class, () -> Sources.open(json));

        assertTrue(e.getMessage().startsWith(json + " is not valid JSON (line 3, column 21): "), e.getMessage());
    }

    @Test
    void unknownFileFormat() throws Exception {
        Path file = Fixtures.write(dir.resolve("notes.md"), "# Holiday\nWe went to the sea.\n");

        SourceException e = assertThrows(SourceException.class, () -> Sources.open(file));

        assertTrue(e.getMessage().contains("unknown format; expected a folder of images"), e.getMessage());
    }

    @Test
    void nonexistentPath() {
        SourceException e = assertThrows(SourceException.class,
                () -> Sources.open(dir.resolve("nowhere").toString()));

        assertEquals("No such file or folder: " + dir.resolve("nowhere"), e.getMessage());
    }

    @Test
    void liveInstagramNeedsTheHomeFolder() throws Exception {
        for (String spec : new String[] {"instagram:natgeo", "instagram-api:"}) {
            SourceException e = assertThrows(SourceException.class, () -> Sources.open(spec));

            assertTrue(e.getMessage().contains("needs the home folder"), e.getMessage());
            assertTrue(Sources.isLive(spec));
        }
        PhotoSource live = Sources.open("instagram:NatGeo", dir, new CollectOptions(java.net.URI.create("http://127.0.0.1:9"),
                java.net.URI.create("http://127.0.0.1:9"), Pacing.DEFAULTS, null, "t"));
        assertEquals("instagram:natgeo", live.key());
        assertEquals(List.of(), Sources.collected(dir), "nothing is written before a scan");
    }

    @Test
    void aFifoIsRefusedBeforeAnyReadAndALinkToOneSaysWhatItIs() throws Exception {
        Path fifo = SpecialFiles.mkfifo(dir.resolve("x/list.txt"));
        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), fifo);

        // Opening the FIFO to read it would block this test forever: a refusal must come first.
        SourceException refused = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(SourceException.class, () -> Sources.open(fifo.toString())));
        SourceException linked = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(SourceException.class, () -> Sources.open(link.toString())));

        assertEquals(fifo + " is a FIFO (named pipe), not a file or folder: refused without reading it",
                refused.getMessage());
        assertEquals(link + " is a symbolic link to a FIFO (named pipe), not a file or folder: refused without"
                + " reading it", linked.getMessage());
    }

    @Test
    void aDeviceIsRefused() {
        Path device = Path.of("/dev/null");
        assumeTrue(Files.exists(device), "needs /dev/null (a character device)");

        SourceException e = assertThrows(SourceException.class, () -> Sources.open(device));

        assertTrue(e.getMessage().contains("is a character device, not a file or folder"), e.getMessage());
    }
}
