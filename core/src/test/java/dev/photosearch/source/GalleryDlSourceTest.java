package dev.photosearch.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gallery-dl's {@code --write-metadata} folders, from hand-written fixtures of the fields it writes. */
class GalleryDlSourceTest {

    private static final String CAROUSEL_1 = "3360000000000000001_3360000000000000011.jpg";
    private static final String CAROUSEL_2 = "3360000000000000001_3360000000000000012.mp4";
    private static final String SINGLE = "3360000000000000002.jpg";

    @TempDir
    Path dir;

    /** gallery-dl/instagram/marta.sea as gallery-dl lays it out; one metadata file cut short by a crash. */
    private Path download() throws Exception {
        Path profile = dir.resolve("gallery-dl/instagram/marta.sea");
        Files.createDirectories(profile);
        for (String name : List.of(CAROUSEL_1, CAROUSEL_2, SINGLE)) {
            Fixtures.copy("gallery-dl/" + name + ".json", profile.resolve(name + ".json"));
        }
        Fixtures.write(profile.resolve(CAROUSEL_1), "image bytes");
        Fixtures.write(profile.resolve(CAROUSEL_2), "video bytes");
        String whole = Fixtures.text("gallery-dl/" + SINGLE + ".json");
        Fixtures.write(profile.resolve("3360000000000000003.jpg.json"), whole.substring(0, whole.length() / 2));
        return profile;
    }

    @Test
    void aDownloadFolderIsRecognisedAndEachFileIsOnePhoto() throws Exception {
        Path profile = download();

        PhotoSource source = Sources.open(dir.resolve("gallery-dl"));
        Scan scan = source.scan();

        assertInstanceOf(GalleryDlSource.class, source);
        Map<String, Photo> photos = Fixtures.byPath(scan);
        String base = "instagram/marta.sea/";
        assertEquals(List.of(base + CAROUSEL_1, base + CAROUSEL_2, base + SINGLE),
                scan.photos().stream().map(Photo::path).sorted().toList());
        Photo first = photos.get(base + CAROUSEL_1);
        assertEquals(new MediaLocation.LocalFile(profile.resolve(CAROUSEL_1)), first.media());
        assertEquals("Harbour walk with @lena #harbour", first.caption());
        assertEquals(List.of("harbour"), first.hashtags());
        assertEquals(List.of("lena"), first.mentions());
        assertEquals("porto portugal", first.place());
        assertEquals(Instant.parse("2024-05-01T10:15:30Z"), first.takenAt());
        assertEquals("https://www.instagram.com/p/C6aBcDeFgHi/", first.permalink());
        assertEquals("120", first.metadata().get("likes"));
        assertEquals("marta.sea", first.metadata().get("owner"));
        Photo video = photos.get(base + CAROUSEL_2);
        assertTrue(video.video());
        assertEquals(new MediaLocation.Remote(URI.create("https://scontent.cdninstagram.com/v/t51/harbour2_still.jpg")),
                video.media(), "a video is shown by its still");
        assertEquals(new MediaLocation.Remote(URI.create("https://scontent.cdninstagram.com/v/t51/lighthouse.jpg")),
                photos.get(base + SINGLE).media(), "a picture not saved: the CDN url");
    }

    @Test
    void aMetadataFileCutShortIsSkippedAndNamed() throws Exception {
        download();

        Scan scan = Sources.open(dir.resolve("gallery-dl")).scan();

        assertEquals(3, scan.photos().size());
        assertEquals(1, scan.skipped().get("unreadable JSON file"));
        assertTrue(scan.notices().stream().anyMatch(n -> n.contains("3360000000000000003.jpg.json")),
                scan.notices().toString());
    }

    @Test
    void oneMetadataFileIsASourceToo() throws Exception {
        Path profile = download();

        Scan scan = Sources.open(profile.resolve(SINGLE + ".json")).scan();

        assertEquals(List.of(SINGLE), scan.photos().stream().map(Photo::path).toList());
    }
}
