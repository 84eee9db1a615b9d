package dev.photosearch.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.photosearch.source.MediaLocation;
import dev.photosearch.source.Photo;
import dev.photosearch.testing.SpecialFiles;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MediaLoaderTest {

    @TempDir
    Path dir;

    private MediaLoader loader() {
        return new MediaLoader(dir.resolve("thumbs"), MediaLimits.DEFAULTS);
    }

    private Path file(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private Media loadFile(String name, byte[] bytes) throws IOException {
        return loader().load(TestImages.photo("ab12cd", new MediaLocation.LocalFile(file(name, bytes))));
    }

    @Test
    void loadsJpegWithFactsThumbnailAndPreview() throws IOException {
        byte[] jpeg = TestImages.jpeg(1600, 1200);

        Media media = loadFile("a.jpg", jpeg);

        assertTrue(media.ok(), media.problem());
        assertEquals(new ImageFacts(1600, 1200, "jpeg", jpeg.length, Exif.NONE, Photo.sha256(jpeg)), media.facts());
        assertEquals(dir.resolve("thumbs/ab/ab12cd.jpg"), media.thumbnail());
        BufferedImage thumbnail = ImageIO.read(media.thumbnail().toFile());
        assertEquals(512, thumbnail.getWidth());
        assertEquals(384, thumbnail.getHeight());
        assertEquals(1024, media.preview().getWidth());
        assertEquals(768, media.preview().getHeight());
        assertRed(thumbnail.getRGB(100, 200));
        assertBlue(thumbnail.getRGB(400, 200));
        try (var files = Files.list(media.thumbnail().getParent())) {
            assertEquals(List.of(media.thumbnail()), files.toList(), "no temporary file left behind");
        }
    }

    @ParameterizedTest(name = "PNG of BufferedImage type {0}")
    @ValueSource(ints = {BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_BYTE_INDEXED})
    void loadsPngOfAnyColourModelIntoAnRgbThumbnail(int type) throws IOException {
        BufferedImage image = new BufferedImage(300, 200, type);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.DARK_GRAY);
        g.fillRect(0, 0, 150, 200); // the right half stays transparent (ARGB) or black
        g.dispose();

        Media media = loadFile("a.png", TestImages.encode(image, "png"));

        assertTrue(media.ok(), media.problem());
        assertEquals("png", media.facts().format());
        BufferedImage thumbnail = ImageIO.read(media.thumbnail().toFile());
        assertEquals(300, thumbnail.getWidth(), "small images are not enlarged");
        assertEquals(3, thumbnail.getColorModel().getNumComponents());
        if (type == BufferedImage.TYPE_INT_ARGB) {
            assertTrue((thumbnail.getRGB(250, 100) & 0xFF) > 240, "transparency becomes white");
        }
    }

    @Test
    void appliesExifOrientationToPreviewAndThumbnail() throws IOException {
        byte[] jpeg = TestImages.withExif(TestImages.jpeg(200, 100),
                new TestImages.ExifSpec("Apple", "iPhone XR", 6, "2021:07:14 18:30:05", 1, 1));

        Media media = loadFile("turned.jpg", jpeg);

        assertTrue(media.ok(), media.problem());
        assertEquals(200, media.facts().width(), "facts describe the file as stored");
        assertEquals(6, media.facts().exif().orientation());
        BufferedImage thumbnail = ImageIO.read(media.thumbnail().toFile());
        assertEquals(100, thumbnail.getWidth());
        assertEquals(200, thumbnail.getHeight());
        assertRed(thumbnail.getRGB(50, 40)); // stored left half turns into the top half
        assertBlue(thumbnail.getRGB(50, 160));
    }

    @Test
    void missingMediaIsMissing() {
        MediaLoader loader = loader();
        assertEquals("missing", loader.load(TestImages.photo("ab0001", null)).problem());
        assertEquals("missing", loader.load(TestImages.photo("ab0002",
                new MediaLocation.LocalFile(dir.resolve("gone.jpg")))).problem());
        assertEquals("missing", loader.load(TestImages.photo("ab0003",
                new MediaLocation.ZipEntry(dir.resolve("gone.zip"), "a.jpg"))).problem());
    }

    @Test
    void badFilesGiveProblemsNotExceptions() throws IOException {
        byte[] random = new byte[10_000];
        new Random(1).nextBytes(random);

        assertEquals("empty file", loadFile("empty.jpg", new byte[0]).problem());
        assertEquals("unknown image format", loadFile("random.jpg", random).problem());
        assertEquals("too large: 50000×50000 pixels, limit 100 MP",
                loadFile("bomb.png", TestImages.pngClaiming(50_000, 50_000)).problem());
    }

    @Test
    void aJpegWithTwoThirdsOfItsDataMissingIsCountedAsTruncated() throws IOException {
        byte[] jpeg = TestImages.jpeg(800, 600);

        Media media = loadFile("cut.jpg", Arrays.copyOf(jpeg, jpeg.length / 3));

        // The reader would grey out the rows it never got: a picture two thirds grey is no picture of anything.
        assertEquals("not a readable image (truncated JPEG?)", media.problem());
        assertNull(media.thumbnail());
    }

    @Test
    void aJpegMissingOnlyItsEndMarkerIsWhole() throws IOException {
        byte[] jpeg = TestImages.jpeg(800, 600);

        Media media = loadFile("no-eoi.jpg", Arrays.copyOf(jpeg, jpeg.length - 2));

        assertTrue(media.ok(), media.problem());
        assertEquals(800, media.facts().width());
        assertTrue(Files.isRegularFile(media.thumbnail()));
    }

    @Test
    void aFifoWhereAPictureWasIsNeverOpened() throws Exception {
        Path fifo = SpecialFiles.mkfifo(dir.resolve("pipe.jpg"));
        Path link = Files.createSymbolicLink(dir.resolve("link.jpg"), fifo);

        for (Path path : List.of(fifo, link)) {
            Media media = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> loader().load(TestImages.photo("ab12cd", new MediaLocation.LocalFile(path))));
            assertEquals("not a regular file (not read)", media.problem(), path.toString());
        }
    }

    @Test
    void aTemporaryThumbnailLeftByAKilledRunIsRemovedWhenTheThumbnailIsWrittenAgain() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("thumbs/ab"));
        Path stale = Files.writeString(folder.resolve("ab12cd.1234567.tmp"), "half a JPEG");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minusSeconds(3600)));
        MediaLoader loader = loader();
        Path writing = Files.writeString(folder.resolve("ab12cd.7654321.tmp"), "being written now");
        Files.setLastModifiedTime(writing, FileTime.from(Instant.now().plusSeconds(60)));

        Media media = loader.load(TestImages.photo("ab12cd",
                new MediaLocation.LocalFile(file("a.jpg", TestImages.jpeg(64, 48)))));

        assertTrue(media.ok(), media.problem());
        assertFalse(Files.exists(stale), "left by kill -9: removed");
        assertTrue(Files.exists(writing), "newer than this run's start: someone is writing it");
    }

    @Test
    void refusesFilesOverTheByteLimit() throws IOException {
        MediaLimits small = new MediaLimits(1024, 100_000_000L, Duration.ofSeconds(1), Duration.ofSeconds(1), 64, 128);
        MediaLoader loader = new MediaLoader(dir.resolve("thumbs"), small);
        Path big = file("big.png", new byte[5000]);
        Path zip = zip("big.zip", "big.png", new byte[5000]);

        assertEquals("larger than 1 KiB",
                loader.load(TestImages.photo("ab0001", new MediaLocation.LocalFile(big))).problem());
        assertEquals("larger than 1 KiB",
                loader.load(TestImages.photo("ab0002", new MediaLocation.ZipEntry(zip, "big.png"))).problem());
    }

    @Test
    void loadsZipEntries() throws IOException {
        Path zip = zip("export.zip", "media/posts/1.jpg", TestImages.jpeg(640, 480));
        MediaLoader loader = loader();

        Media media = loader.load(TestImages.photo("cd0001", new MediaLocation.ZipEntry(zip, "media/posts/1.jpg")));
        Media absent = loader.load(TestImages.photo("cd0002", new MediaLocation.ZipEntry(zip, "media/posts/2.jpg")));

        assertTrue(media.ok(), media.problem());
        assertEquals(640, media.facts().width());
        assertEquals("missing", absent.problem());
    }

    @Test
    void localVideoHasNoThumbnail() throws IOException {
        Path mp4 = file("clip.mp4", new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p'});

        Media media = loader().load(TestImages.photo("ef0001", new MediaLocation.LocalFile(mp4), true));

        assertEquals("video: no thumbnail", media.problem());
        assertNull(media.thumbnail());
    }

    @Test
    void findsExistingThumbnails() throws IOException {
        MediaLoader loader = loader();
        Photo photo = TestImages.photo("ab12cd", new MediaLocation.LocalFile(file("a.jpg", TestImages.jpeg(64, 64))));
        assertEquals(Optional.empty(), loader.thumbnailFor("ab12cd"));

        Media media = loader.load(photo);

        assertEquals(Optional.of(media.thumbnail()), loader.thumbnailFor("ab12cd"));
    }

    @Test
    void loadsConcurrently() throws Exception {
        MediaLoader loader = loader();
        Path jpeg = file("a.jpg", TestImages.jpeg(900, 600));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Media>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                // Two photos per id: concurrent writers of one thumbnail must not clash.
                Photo photo = TestImages.photo("aa" + i / 2, new MediaLocation.LocalFile(jpeg));
                results.add(pool.submit(() -> loader.load(photo)));
            }
            for (Future<Media> result : results) {
                Media media = result.get();
                assertTrue(media.ok(), media.problem());
                assertNotNull(ImageIO.read(media.thumbnail().toFile()));
            }
        } finally {
            pool.shutdownNow();
        }
        try (var files = Files.list(dir.resolve("thumbs/aa"))) {
            assertFalse(files.anyMatch(f -> f.toString().endsWith(".tmp")));
        }
    }

    private Path zip(String name, String entry, byte[] bytes) throws IOException {
        Path zip = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream zos = new ZipOutputStream(out)) {
            zos.putNextEntry(new java.util.zip.ZipEntry(entry));
            zos.write(bytes);
            zos.closeEntry();
        }
        return zip;
    }

    static void assertRed(int rgb) {
        Color c = new Color(rgb);
        assertTrue(c.getRed() > 200 && c.getBlue() < 60, "expected red, got " + c);
    }

    static void assertBlue(int rgb) {
        Color c = new Color(rgb);
        assertTrue(c.getBlue() > 200 && c.getRed() < 60, "expected blue, got " + c);
    }
}
