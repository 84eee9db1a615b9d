package dev.photosearch.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

class InstaloaderSourceTest {

    private static final String SINGLE = "2019-06-01_12-00-00_UTC";
    private static final String CAROUSEL = "2019-06-02_08-30-00_UTC";

    @TempDir
    Path dir;

    /** A profile folder: the single post compressed as Instaloader does by default, the carousel as plain JSON. */
    private Path profile() throws Exception {
        Path folder = dir.resolve("someuser");
        Files.createDirectories(folder);
        xz(Fixtures.text("instaloader/" + SINGLE + ".json"), folder.resolve(SINGLE + ".json.xz"));
        Fixtures.copy("instaloader/" + CAROUSEL + ".json", folder.resolve(CAROUSEL + ".json"));
        Fixtures.copy("instaloader/someuser_123456.json", folder.resolve("someuser_123456.json"));
        Fixtures.write(folder.resolve(SINGLE + ".jpg"), "image bytes");
        Fixtures.write(folder.resolve(CAROUSEL + "_1.jpg"), "image bytes");
        Fixtures.write(folder.resolve(SINGLE + ".txt"), "Morning coffee #latte");
        return folder;
    }

    private static void xz(String text, Path target) throws Exception {
        try (OutputStream out = Files.newOutputStream(target);
             XZOutputStream xz = new XZOutputStream(out, new LZMA2Options())) {
            xz.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void importsPostsAndPrefersLocalMedia() throws Exception {
        Path folder = profile();
        PhotoSource source = Sources.open(dir);
        Scan scan = source.scan();
        Map<String, Photo> photos = Fixtures.byPath(scan);

        assertInstanceOf(InstaloaderSource.class, source);
        assertEquals(List.of("someuser/" + SINGLE, "someuser/" + CAROUSEL + "_1", "someuser/" + CAROUSEL + "_2"),
                scan.photos().stream().map(Photo::path).sorted().toList());
        Photo single = photos.get("someuser/" + SINGLE);
        assertEquals(new MediaLocation.LocalFile(folder.resolve(SINGLE + ".jpg")), single.media());
        assertEquals("Morning coffee #latte", single.caption());
        assertEquals(List.of("latte"), single.hashtags());
        assertEquals("A cup of coffee on a table.", single.altText());
        assertEquals("Blue Bottle", single.place());
        assertEquals("7", single.metadata().get("likes"));
        assertEquals("https://www.instagram.com/p/BxSingle/", single.permalink());
    }

    @Test
    void carouselItemsKeepTheirOwnAltTextAndVideoFlag() throws Exception {
        Path folder = profile();
        Map<String, Photo> photos = Fixtures.byPath(Sources.open(folder).scan());

        Photo first = photos.get(CAROUSEL + "_1");
        Photo second = photos.get(CAROUSEL + "_2");
        assertEquals("A mountain trail.", first.altText());
        assertEquals(List.of("bob"), second.mentions());
        assertTrue(second.video());
        assertEquals(new MediaLocation.Remote(URI.create("https://scontent.cdninstagram.com/v/c2.jpg")),
                second.media());
    }

    @Test
    void skipsProfileFilesWithAReason() throws Exception {
        Scan scan = Sources.open(profile()).scan();

        assertEquals(Map.of("not a post (GraphUser)", 1), scan.skipped());
    }

    @Test
    void readsASingleCompressedFile() throws Exception {
        Path file = profile().resolve(SINGLE + ".json.xz");

        Scan scan = Sources.open(file).scan();

        assertEquals(List.of(SINGLE), scan.photos().stream().map(Photo::path).toList());
        assertEquals("instaloader:" + file, scan.photos().get(0).source());
    }

    @Test
    void brokenXzFileIsReportedByName() throws Exception {
        Path file = Fixtures.write(dir.resolve("broken.json.xz"), "not xz at all");

        SourceException e = org.junit.jupiter.api.Assertions.assertThrows(SourceException.class,
                () -> Sources.open(file));
        assertTrue(e.getMessage().contains("broken.json.xz is not a valid .xz file"), e.getMessage());
    }

    @Test
    void aBrokenFileInAFolderIsSkippedAndNamedWhileTheOthersImport() throws Exception {
        Path folder = profile();
        Fixtures.write(folder.resolve("2019-06-03_10-00-00_UTC.json"), "{\"node\": {\"shortcode\": ");

        Scan scan = Sources.open(folder).scan();

        assertTrue(scan.photos().stream().anyMatch(p -> p.path().equals(SINGLE)));
        assertEquals(1, scan.skipped().get("unreadable JSON file"));
        assertTrue(scan.notices().stream().anyMatch(n -> n.contains("2019-06-03_10-00-00_UTC.json")),
                scan.notices().toString());
    }

    /** A folder of Instaloader's newer files, v1 items; one of them compressed and cut short. */
    private Path newerProfile() throws Exception {
        Path folder = dir.resolve("marta.sea");
        Files.createDirectories(folder);
        for (String name : List.of("2024-05-01_10-15-30_UTC", "2024-05-02_09-00-00_UTC", "2024-05-03_18-45-00_UTC")) {
            Fixtures.copy("instaloader-v1/" + name + ".json", folder.resolve(name + ".json"));
        }
        Fixtures.write(folder.resolve("2024-05-01_10-15-30_UTC_1.jpg"), "image bytes");
        Path whole = dir.resolve("whole.json.xz");
        xz(Fixtures.text("instaloader/" + SINGLE + ".json"), whole);
        byte[] bytes = Files.readAllBytes(whole);
        Files.write(folder.resolve("2024-05-04_07-00-00_UTC.json.xz"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Files.delete(whole);
        return folder;
    }

    @Test
    void readsTheNewerV1ItemsWithCarouselAltTextVideoStillsAndNullOrPlainCaptions() throws Exception {
        Path folder = newerProfile();

        Map<String, Photo> photos = Fixtures.byPath(Sources.open(folder).scan());

        Photo first = photos.get("2024-05-01_10-15-30_UTC_1");
        assertEquals(new MediaLocation.LocalFile(folder.resolve("2024-05-01_10-15-30_UTC_1.jpg")), first.media());
        assertEquals("Harbour walk with @lena #harbour", first.caption());
        assertEquals(List.of("harbour"), first.hashtags());
        assertEquals("Photo by Marta. May be an image of boats in a harbour.", first.altText());
        assertEquals("Porto, Portugal", first.place());
        assertEquals("https://www.instagram.com/p/C6aBcDeFgHi/", first.permalink());
        assertEquals("120", first.metadata().get("likes"));
        assertEquals("marta.sea", first.metadata().get("owner"));
        assertEquals(java.time.Instant.ofEpochSecond(1714558530), first.takenAt());
        Photo second = photos.get("2024-05-01_10-15-30_UTC_2");
        assertTrue(second.video());
        assertEquals(new MediaLocation.Remote(URI.create("https://scontent.cdninstagram.com/v/t51/harbour2_still.jpg")),
                second.media(), "a video child stands by its still");
        Photo altOnly = photos.get("2024-05-02_09-00-00_UTC");
        assertEquals("", altOnly.caption());
        assertEquals("May be an image of a lighthouse at dusk", altOnly.altText());
        assertEquals(new MediaLocation.Remote(URI.create("https://scontent.cdninstagram.com/v/t51/lighthouse.jpg")),
                altOnly.media(), "the largest candidate");
        Photo reel = photos.get("2024-05-03_18-45-00_UTC");
        assertEquals("Waves at the pier", reel.caption(), "a caption given as a plain string");
        assertTrue(reel.video());
        assertEquals("true", reel.metadata().get("reel"));
    }

    @Test
    void aCompressedFileCutShortIsSkippedAndNamedWhileTheOthersImport() throws Exception {
        Path folder = newerProfile();

        Scan scan = Sources.open(folder).scan();

        assertEquals(4, scan.photos().size(), "two carousel items and two single posts");
        assertEquals(1, scan.skipped().get("unreadable JSON file"));
        assertTrue(scan.notices().stream().anyMatch(n -> n.contains("2024-05-04_07-00-00_UTC.json.xz")),
                scan.notices().toString());
    }

    @Test
    void aRootFolderIsLookedIntoWithoutFailing() throws Exception {
        Path root = dir.getRoot();

        assertEquals(null, root.getFileName(), "a root has no file name");
        org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> InstaloaderSource.looksLikeInstaloaderFolder(root));
    }
}
