package dev.photosearch.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstagramExportSourceTest {

    private static final List<String> PRESENT_MEDIA = List.of("media/posts/201906/cat.jpg",
            "media/posts/201906/beach1.jpg", "media/posts/201906/FQIoAkMz_18037068502173125",
            "media/posts/201907/plain.jpg", "media/stories/202404/story.jpg", "media/profile/202205/me.jpg");

    @TempDir
    Path dir;

    /** An extracted export in the 2024 layout; every media file but beach2.webp is present. */
    private Path export() throws Exception {
        Path root = dir.resolve("instagram-ann");
        for (String name : List.of("posts_1.json", "stories.json", "profile_photos.json")) {
            Fixtures.copy("export/" + name, root.resolve("your_instagram_activity/content/" + name));
        }
        for (String uri : PRESENT_MEDIA) {
            Fixtures.write(root.resolve(uri), "image bytes");
        }
        Fixtures.write(dir.resolve("etc/passwd.jpg"), "outside the export");
        return root;
    }

    @Test
    void importsEveryMediaItemOfAnExtractedExport() throws Exception {
        Path root = export();
        Scan scan = Sources.open(root).scan();
        Map<String, Photo> photos = Fixtures.byPath(scan);

        assertEquals(7, scan.photos().size());
        Photo cat = photos.get("media/posts/201906/cat.jpg");
        assertEquals("café 🐈 #CatLife with @ann.b", cat.caption());
        assertEquals(List.of("catlife"), cat.hashtags());
        assertEquals(List.of("ann.b"), cat.mentions());
        assertEquals(Instant.ofEpochSecond(1559390400), cat.takenAt());
        assertEquals(new MediaLocation.LocalFile(root.resolve("media/posts/201906/cat.jpg")), cat.media());
        assertEquals("instagram-export:" + root, cat.source());
        assertNull(cat.permalink());
        assertFalse(cat.video());
        assertEquals("iPhone XR back camera 4.25mm f/1.8", cat.metadata().get("lens"));
        assertEquals("48.8566", cat.metadata().get("latitude"));
        assertEquals("2019:06:01 12:00:00", cat.metadata().get("date_time_original"));
        assertEquals("160", cat.metadata().get("iso"));
        assertEquals("post", cat.metadata().get("kind"));
        assertFalse(cat.metadata().containsValue("D6AF134A-DA96-4F2A-A0F3-40540025ACE3"), "device_id is skipped");
    }

    @Test
    void carouselItemsShareTheRootCaptionAndTakePostTimeWhenTheyHaveNone() throws Exception {
        Map<String, Photo> photos = Fixtures.byPath(Sources.open(export()).scan());

        Photo first = photos.get("media/posts/201906/beach1.jpg");
        Photo second = photos.get("media/posts/201906/beach2.webp");
        assertEquals("Beach day — #sea #Sun", first.caption());
        assertEquals(first.caption(), second.caption());
        assertEquals(List.of("sea", "sun"), second.hashtags());
        assertEquals(Instant.ofEpochSecond(1560000001), first.takenAt());
        assertEquals(Instant.ofEpochSecond(1560000000), second.takenAt());
    }

    @Test
    void extensionlessUriIsAVideoAndProperTextIsLeftAlone() throws Exception {
        Map<String, Photo> photos = Fixtures.byPath(Sources.open(export()).scan());

        assertTrue(photos.get("media/posts/201906/FQIoAkMz_18037068502173125").video());
        assertEquals("Proper café", photos.get("media/posts/201907/plain.jpg").caption());
    }

    @Test
    void missingMediaKeepsTheCaptionAndIsReportedOnce() throws Exception {
        Scan scan = Sources.open(export()).scan();

        Photo missing = Fixtures.byPath(scan).get("media/posts/201906/beach2.webp");
        assertNull(missing.media());
        assertEquals(List.of("1 of 7 media files are missing; their captions are indexed without the image"),
                scan.notices());
    }

    @Test
    void refusesUrisLeavingTheExportAndSkipsMalformedPosts() throws Exception {
        Scan scan = Sources.open(export()).scan();

        assertTrue(scan.photos().stream().noneMatch(p -> p.path().contains("..")));
        assertEquals(Map.of("media uri leaves the export folder (refused)", 1,
                "malformed post: \"media\" is not an array", 1), scan.skipped());
    }

    @Test
    void importsStoriesAndProfilePictures() throws Exception {
        Map<String, Photo> photos = Fixtures.byPath(Sources.open(export()).scan());

        Photo story = photos.get("media/stories/202404/story.jpg");
        assertEquals("story", story.metadata().get("kind"));
        assertEquals("Sunset 🌅", story.caption());
        assertEquals("profile_picture", photos.get("media/profile/202205/me.jpg").metadata().get("kind"));
    }

    @Test
    void readsAnExportZipInPlace() throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("instagram-ann-2024/your_instagram_activity/content/posts_1.json",
                Fixtures.text("export/posts_1.json"));
        entries.put("instagram-ann-2024/your_instagram_activity/content/stories.json",
                Fixtures.text("export/stories.json"));
        entries.put("instagram-ann-2024/media/posts/201906/cat.jpg", "image bytes");
        Path zip = Fixtures.zip(dir.resolve("export.zip"), entries);

        Scan scan = Sources.open(zip).scan();
        Map<String, Photo> photos = Fixtures.byPath(scan);

        assertEquals(6, scan.photos().size());
        assertEquals(new MediaLocation.ZipEntry(zip, "instagram-ann-2024/media/posts/201906/cat.jpg"),
                photos.get("media/posts/201906/cat.jpg").media());
        assertEquals("café 🐈 #CatLife with @ann.b", photos.get("media/posts/201906/cat.jpg").caption());
        assertNull(photos.get("media/posts/201906/beach1.jpg").media());
        assertEquals(List.of("5 of 6 media files are missing; their captions are indexed without the image"),
                scan.notices());
    }

    @Test
    void zipWithoutPostsIsRefused() throws Exception {
        Path zip = Fixtures.zip(dir.resolve("other.zip"), Map.of("readme.txt", "hello"));

        SourceException e = assertThrows(SourceException.class, () -> Sources.open(zip));
        assertTrue(e.getMessage().contains("holds no posts_N.json"), e.getMessage());
    }

    @Test
    void lonePostsFileFindsItsExportRootAbove() throws Exception {
        Path root = export();
        Path posts = root.resolve("your_instagram_activity/content/posts_1.json");

        Scan scan = Sources.open(posts).scan();

        assertEquals(5, scan.photos().size());
        assertEquals(new MediaLocation.LocalFile(root.resolve("media/posts/201906/cat.jpg")),
                Fixtures.byPath(scan).get("media/posts/201906/cat.jpg").media());
        assertEquals(List.of("1 of 5 media files are missing; their captions are indexed without the image"),
                scan.notices());
    }

    @Test
    void lonePostsFileWithoutMediaStillImportsText() throws Exception {
        Path posts = Fixtures.copy("export/posts_1.json", dir.resolve("only/posts_1.json"));

        Scan scan = Sources.open(posts).scan();

        assertEquals(5, scan.photos().size());
        assertTrue(scan.photos().stream().allMatch(p -> p.media() == null));
        assertEquals(List.of("5 of 5 media files are missing; their captions are indexed without the image"),
                scan.notices());
    }

    @Test
    void fingerprintChangesWithCaptionButIdDoesNot() throws Exception {
        Path posts = Fixtures.write(dir.resolve("posts_1.json"),
                "[{\"media\":[{\"uri\":\"media/posts/1/a.jpg\",\"title\":\"one\"}]}]");
        Photo before = Sources.open(posts).scan().photos().get(0);
        Fixtures.write(posts, "[{\"media\":[{\"uri\":\"media/posts/1/a.jpg\",\"title\":\"two\"}]}]");
        Photo after = Sources.open(posts).scan().photos().get(0);

        assertEquals(before.id(), after.id());
        assertFalse(before.fingerprint().equals(after.fingerprint()));
    }

    @Test
    void fieldOfTheWrongTypeSkipsOnlyThatEntry() throws Exception {
        Path posts = Fixtures.write(dir.resolve("posts_1.json"), """
                [{"media":[{"uri":"media/posts/1/a.jpg","title":42}]},
                 {"media":[{"uri":"media/posts/1/b.jpg","creation_timestamp":"soon","title":"b"}]},
                 {"media":[{"uri":"media/posts/1/c.jpg","title":"c"}]}]
                """);

        Scan scan = Sources.open(posts).scan();

        assertEquals(List.of("media/posts/1/c.jpg"), scan.photos().stream().map(Photo::path).toList());
        assertEquals(Map.of("malformed post: \"title\" is not text", 1,
                "malformed media item: \"creation_timestamp\" is not a whole number", 1), scan.skipped());
    }

    @Test
    void malformedJsonNamesFileAndPosition() throws Exception {
        Path posts = Fixtures.write(dir.resolve("posts_1.json"), "[\n  {\"media\": [\n    {\"uri\": \"a.jpg\" \"title\": 1}\n");
        Path root = posts.getParent();
        Fixtures.write(root.resolve("content/posts_1.json"), "[\n  {\"media\": [\n    {\"uri\": \"a.jpg\",, }\n");

        SourceException e = assertThrows(SourceException.class, () -> Sources.open(root).scan());

        assertTrue(e.getMessage().startsWith(Path.of("content", "posts_1.json") + " is not valid JSON (line 3, column "),
                e.getMessage());
        SourceException lone = assertThrows(SourceException.class, () -> Sources.open(posts));
        assertTrue(lone.getMessage().startsWith(posts + " is not valid JSON (line 3, column "), lone.getMessage());
    }

    @Test
    void aSymlinkedFolderInsideTheExportIsNotFollowedOut() throws Exception {
        Path root = dir.resolve("export");
        Fixtures.write(root.resolve("posts_1.json"), """
                [{"media":[{"uri":"media/posts/1/outside.jpg","title":"outside"}]},
                 {"media":[{"uri":"media/own/inside.jpg","title":"inside"}]}]
                """);
        Fixtures.write(root.resolve("media/own/inside.jpg"), "x");
        Fixtures.write(dir.resolve("elsewhere/photos/1/outside.jpg"), "private");
        Files.createSymbolicLink(root.resolve("media/posts"), dir.resolve("elsewhere/photos"));

        Scan scan = Sources.open(root).scan();

        assertEquals(List.of("media/own/inside.jpg"), scan.photos().stream().map(Photo::path).toList());
        assertEquals(Map.of("media file leads out of the export through a symbolic link (refused)", 1),
                scan.skipped());
    }

    @Test
    void aPostsFileCutShortKeepsItsCompletePostsAndTheOtherFiles() throws Exception {
        Path root = export();
        Path posts = root.resolve("your_instagram_activity/content/posts_1.json");
        String whole = Files.readString(posts);
        Files.writeString(posts, whole.substring(0, whole.indexOf("media/posts/201906/beach1.jpg")));

        Scan scan = Sources.open(root).scan();

        assertEquals(List.of("media/posts/201906/cat.jpg", "media/stories/202404/story.jpg",
                "media/profile/202205/me.jpg"), scan.photos().stream().map(Photo::path).toList());
        assertFalse(scan.complete(), "photos of the lost part must not be taken out of the index");
        String notice = scan.notices().get(0);
        assertTrue(notice.startsWith(Path.of("your_instagram_activity", "content", "posts_1.json")
                + " is not valid JSON (line "), notice);
        assertTrue(notice.endsWith("the file ends in the middle of the document (cut short?); kept the 1 entries"
                + " before that point, skipped the rest of " + Path.of("your_instagram_activity", "content",
                "posts_1.json")), notice);
        assertFalse(notice.contains("Source:") || notice.contains("marker") || notice.contains("Exception"), notice);
    }

    @Test
    void aTwentyMegabyteCaptionIsCutAndThePostsAroundItAreKept() throws Exception {
        String huge = "x".repeat(20 * 1024 * 1024);
        Path posts = Fixtures.write(dir.resolve("posts_1.json"), "[{\"media\":[{\"uri\":\"media/posts/1/a.jpg\","
                + "\"title\":\"a\"}]},{\"media\":[{\"uri\":\"media/posts/1/b.jpg\",\"title\":\"" + huge + "\"}]},"
                + "{\"media\":[{\"uri\":\"media/posts/1/c.jpg\",\"title\":\"c\"}]}]");

        Scan scan = Sources.open(posts).scan();

        assertEquals(List.of("a", "x".repeat(CaptionLimit.MAX_CHARS), "c"),
                scan.photos().stream().map(Photo::caption).toList());
        assertTrue(scan.complete());
        assertTrue(scan.notices().contains("1 caption(s) longer than 10,000 characters were cut to that length"),
                scan.notices().toString());
    }

    @Test
    void aTextBeyondTheReadLimitKeepsThePostsBeforeItAndSaysWhyWithoutParserInternals() throws Exception {
        Path root = dir.resolve("export");
        String tooLong = "y".repeat(JsonInput.MAX_TEXT_CHARS + 1);
        Fixtures.write(root.resolve("content/posts_1.json"), "[{\"media\":[{\"uri\":\"media/posts/1/a.jpg\"}]},"
                + "{\"media\":[{\"uri\":\"media/posts/1/b.jpg\",\"title\":\"" + tooLong + "\"}]}]");

        Scan scan = Sources.open(root).scan();

        assertEquals(List.of("media/posts/1/a.jpg"), scan.photos().stream().map(Photo::path).toList());
        String notice = scan.notices().get(0);
        assertTrue(notice.contains("a value is too long (texts are read up to 32 Mi characters)"), notice);
        assertFalse(notice.contains("StreamReadConstraints"), notice);
    }
}
