package dev.photosearch.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstagramScraperSourceTest {

    @TempDir
    Path dir;

    private Scan scan() throws Exception {
        return Sources.open(Fixtures.copy("scraper/natgeo.json", dir.resolve("natgeo/natgeo.json"))).scan();
    }

    @Test
    void readsPostFields() throws Exception {
        Photo lions = Fixtures.byPath(scan()).get("B1abcDEF");

        assertEquals("Lions at dawn #wildlife #Kenya with @photog", lions.caption());
        assertEquals("Photo of two lions in grass.", lions.altText());
        assertEquals("Maasai Mara", lions.place());
        assertEquals(List.of("wildlife", "kenya", "savanna"), lions.hashtags());
        assertEquals(List.of("photog"), lions.mentions());
        assertEquals(Instant.ofEpochSecond(1559390400), lions.takenAt());
        assertEquals("https://www.instagram.com/p/B1abcDEF/", lions.permalink());
        assertEquals("1200", lions.metadata().get("likes"));
        assertEquals("34", lions.metadata().get("comments"));
        assertEquals("GraphImage", lions.metadata().get("type"));
        assertEquals(new MediaLocation.Remote(URI.create(
                "https://scontent.cdninstagram.com/v/t51/111_n.jpg?_nc_ht=x&oh=1")), lions.media());
    }

    @Test
    void carouselUrlsBecomeNumberedPhotosAndVideosAreFlagged() throws Exception {
        Map<String, Photo> photos = Fixtures.byPath(scan());

        assertTrue(photos.keySet().containsAll(List.of("B2carou", "B2carou/2", "B2carou/3")));
        assertFalse(photos.get("B2carou/2").video());
        assertTrue(photos.get("B2carou/3").video());
        assertTrue(photos.get("B3video").video());
        assertEquals("", photos.get("B2carou").place());
    }

    @Test
    void skipsMalformedItemsWithReasons() throws Exception {
        Scan scan = scan();

        assertEquals(5, scan.photos().size());
        assertEquals(Map.of("malformed post: \"taken_at_timestamp\" is not a whole number", 1,
                "malformed post: post without \"shortcode\"", 1), scan.skipped());
    }

    @Test
    void prefersTheImageTheScraperSavedNextToTheJson() throws Exception {
        Fixtures.write(dir.resolve("natgeo/111_n.jpg"), "image bytes");

        Photo lions = Fixtures.byPath(scan()).get("B1abcDEF");

        assertEquals(new MediaLocation.LocalFile(dir.resolve("natgeo/111_n.jpg")), lions.media());
    }

    @Test
    void fingerprintIgnoresTheExpiringCdnUrl() throws Exception {
        Path json = Fixtures.copy("scraper/natgeo.json", dir.resolve("a/natgeo.json"));
        Photo before = Fixtures.byPath(new InstagramScraperSource(json).scan()).get("B1abcDEF");
        Files.writeString(json, Files.readString(json).replace("oh=1", "oh=99"));
        Photo after = Fixtures.byPath(new InstagramScraperSource(json).scan()).get("B1abcDEF");

        assertFalse(before.media().equals(after.media()));
        assertEquals(before.fingerprint(), after.fingerprint());
    }
}
