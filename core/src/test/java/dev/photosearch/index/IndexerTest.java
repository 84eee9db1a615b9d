package dev.photosearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.photosearch.embed.TextEncoder;
import dev.photosearch.embed.TextModel;
import dev.photosearch.media.MediaLimits;
import dev.photosearch.media.MediaLoader;
import dev.photosearch.search.PhotoSearcher;
import dev.photosearch.source.PhotoSource;
import dev.photosearch.source.SourceException;
import dev.photosearch.source.Sources;
import dev.photosearch.testing.CountingAnalyser;
import dev.photosearch.testing.Programs;
import dev.photosearch.vision.Analyser;
import dev.photosearch.vision.ColourAnalyser;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole ingest pipeline on folders of drawn pictures: incremental runs, bad files, interruption. */
class IndexerTest {

    static TextEncoder encoder;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadModel() {
        encoder = TextEncoder.load(TextModel.BGE_SMALL);
    }

    private static void draw(Path file, Color color) throws IOException {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 64, 48);
        g.dispose();
        Files.createDirectories(file.getParent());
        String name = file.getFileName().toString();
        ImageIO.write(image, name.substring(name.lastIndexOf('.') + 1), file.toFile());
    }

    private IndexReport run(Path folder, Indexer.Progress progress) throws IOException {
        try (StoreWriter index = PhotoStore.embedded(dir.resolve("home/index")).writer();
                Indexer indexer = indexer(index)) {
            return indexer.index(Sources.open(folder), progress);
        }
    }

    private Indexer indexer(StoreWriter index) {
        return new Indexer(index, new MediaLoader(dir.resolve("home/thumbnails"), MediaLimits.DEFAULTS),
                List.of(new ColourAnalyser()), encoder, 2);
    }

    private int indexed(String sourceKey) throws IOException {
        try (StoreWriter index = PhotoStore.embedded(dir.resolve("home/index")).writer()) {
            return index.states(sourceKey).size();
        }
    }

    @Test
    void secondRunSkipsWhatDidNotChangeAndFollowsEditsAndDeletions() throws IOException {
        Path photos = dir.resolve("photos");
        draw(photos.resolve("holidays/beach_sunset.jpg"), new Color(250, 140, 40));
        draw(photos.resolve("winter/snowy_mountain.png"), Color.WHITE);
        draw(photos.resolve("red_bike.jpg"), Color.RED);
        Files.writeString(photos.resolve("notes.txt"), "not a photo");
        Files.write(photos.resolve("broken_camera.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3});

        IndexReport first = run(photos, (done, total) -> {});
        assertEquals(4, first.added());
        assertEquals(0, first.unchanged());
        assertEquals(1, first.skipped().values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(1, first.imageProblems().values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(3, thumbnails().size(), "the broken photo has none");

        IndexReport second = run(photos, (done, total) -> {});
        assertEquals(0, second.added());
        assertEquals(0, second.updated());
        assertEquals(4, second.unchanged());

        draw(photos.resolve("red_bike.jpg"), Color.BLUE);
        Files.setLastModifiedTime(photos.resolve("red_bike.jpg"), FileTime.from(Instant.now().plusSeconds(60)));
        Files.delete(photos.resolve("winter/snowy_mountain.png"));
        IndexReport third = run(photos, (done, total) -> {});
        assertEquals(1, third.updated());
        assertEquals(1, third.removed());
        assertEquals(2, third.unchanged());
        assertEquals(3, indexed(third.source()));
        assertEquals(2, thumbnails().size(), "the deleted photo's thumbnail went with it");

        try (PhotoSearcher searcher = PhotoSearcher.open(PhotoStore.embedded(dir.resolve("home/index")).reader(), m -> encoder)) {
            assertEquals("holidays/beach_sunset.jpg",
                    searcher.search("sunset at the beach", 1, 0).hits().get(0).photo().photo().path());
            var bike = searcher.search("bike", 1, 0).hits().get(0).photo();
            assertEquals("red_bike.jpg", bike.photo().path());
            assertTrue(bike.description().shows().contains("blue"), bike.description().shows());
        }
    }

    @Test
    void anInterruptedRunKeepsWhatItDidAndTheNextRunFinishesWithoutDuplicates() throws IOException {
        Path photos = dir.resolve("many");
        Random random = new Random(7);
        for (int i = 0; i < 100; i++) {
            draw(photos.resolve("photo_" + i + ".png"), new Color(random.nextInt(0xFFFFFF)));
        }
        IndexReport stopped;
        try (StoreWriter index = PhotoStore.embedded(dir.resolve("home/index")).writer(); Indexer indexer = indexer(index)) {
            stopped = indexer.index(Sources.open(photos), (done, total) -> {
                if (done > 0) {
                    indexer.requestStop();
                }
            });
        }
        assertTrue(stopped.interrupted());
        int saved = indexed(stopped.source());
        assertTrue(saved > 0 && saved < 100, "saved " + saved);

        IndexReport resumed = run(photos, (done, total) -> {});
        assertEquals(saved, resumed.unchanged());
        assertEquals(100 - saved, resumed.added());
        assertEquals(100, indexed(resumed.source()));
    }

    @Test
    void aSourceThatCannotBeReadChangesNothing() throws IOException {
        Path photos = dir.resolve("photos");
        draw(photos.resolve("cat.jpg"), Color.GRAY);
        IndexReport first = run(photos, (done, total) -> {});

        Path export = dir.resolve("export/posts_1.json");
        Files.createDirectories(export.getParent());
        Files.writeString(export, "[{\"media\": [{\"uri\": \"media/x.jpg\", ");
        assertThrows(SourceException.class, () -> run(export, (done, total) -> {}));
        assertThrows(IOException.class, () -> Sources.open(dir.resolve("does-not-exist")));
        assertEquals(1, indexed(first.source()));
    }

    private IndexReport runWith(Path folder, Analyser analyser, TextEncoder textEncoder) throws IOException {
        return runWith(folder, List.of(analyser), textEncoder);
    }

    private IndexReport runWith(Path folder, List<Analyser> analysers, TextEncoder textEncoder) throws IOException {
        try (StoreWriter index = PhotoStore.embedded(dir.resolve("home/index")).writer();
                Indexer indexer = new Indexer(index, new MediaLoader(dir.resolve("home/thumbnails"),
                        MediaLimits.DEFAULTS), analysers, textEncoder, 2)) {
            return indexer.index(Sources.open(folder), (done, total) -> {});
        }
    }

    private List<Path> thumbnails() throws IOException {
        try (var files = Files.walk(dir.resolve("home/thumbnails"))) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    /** A folder of two drawn photos, a.png (red) and b.png (green). */
    private Path redAndGreen() throws IOException {
        Path photos = dir.resolve("photos");
        draw(photos.resolve("a.png"), Color.RED);
        draw(photos.resolve("b.png"), Color.GREEN);
        return photos;
    }

    @Test
    void aNewDescriptionOrTextModelReusesWhatTheAnalysersSawButANewAnalyserLooksAgain() throws IOException {
        Path photos = redAndGreen();
        CountingAnalyser first = new CountingAnalyser(1);
        assertEquals(2, runWith(photos, first, encoder).added());
        assertEquals(2, first.calls.get());

        CountingAnalyser same = new CountingAnalyser(1);
        IndexReport otherModel = runWith(photos, same, TextEncoder.load(TextModel.MINILM));
        assertEquals(2, otherModel.updated());
        assertEquals(0, same.calls.get(), "the stored analyses were reused");
        try (PhotoSearcher searcher = PhotoSearcher.open(PhotoStore.embedded(dir.resolve("home/index")).reader(), TextEncoder::load)) {
            var hit = searcher.search("looked at", 2, 0).hits().get(0);
            assertTrue(hit.photo().description().shows().contains("Looked at"), hit.photo().description().shows());
            assertTrue(hit.matched().containsKey("vector"), "vectors remade with the new model are searched");
        }

        CountingAnalyser newer = new CountingAnalyser(2);
        assertEquals(2, runWith(photos, newer, encoder).updated());
        assertEquals(2, newer.calls.get());
    }

    @Test
    void aChangedAnalyserLooksAgainAloneAndTheOthersKeepWhatTheySaw() throws IOException {
        Path photos = redAndGreen();
        CountingAnalyser objects = new CountingAnalyser("objects", 1);
        CountingAnalyser text = new CountingAnalyser("text", 1);
        assertEquals(2, runWith(photos, List.of(objects, text), encoder).added());

        // A new version of the text reader, as after an upgrade: only it reads the photos again.
        CountingAnalyser sameObjects = new CountingAnalyser("objects", 1);
        CountingAnalyser newerText = new CountingAnalyser("text", 2);
        assertEquals(2, runWith(photos, List.of(sameObjects, newerText), encoder).updated());
        assertEquals(0, sameObjects.calls.get(), "the unchanged analyser's results were kept");
        assertEquals(2, newerText.calls.get());
        try (StoreWriter index = PhotoStore.embedded(dir.resolve("home/index")).writer()) {
            for (StoredPhoto photo : index.stored(index.states(Sources.open(photos).key()).keySet()).values()) {
                assertEquals(List.of("objects=1", "text=2"), photo.entry().analyses().stream()
                        .map(a -> a.analyser() + "=" + a.version()).toList());
            }
        }

        CountingAnalyser again = new CountingAnalyser("text", 2);
        assertEquals(2, runWith(photos, List.of(new CountingAnalyser("objects", 1), again), encoder).unchanged());
        assertEquals(0, again.calls.get());
    }

    @Test
    void theSameImageElsewhereOrTouchedIsNotAnalysedAgain() throws IOException {
        Path photos = redAndGreen();
        CountingAnalyser first = new CountingAnalyser(1);
        assertEquals(2, runWith(photos, first, encoder).added());

        // A newer export or a copy elsewhere: a new source whose pictures are the same files.
        Path copy = dir.resolve("copy");
        Files.createDirectories(copy);
        Files.copy(photos.resolve("a.png"), copy.resolve("renamed.png"));
        draw(copy.resolve("new.png"), Color.BLUE);
        CountingAnalyser second = new CountingAnalyser(1);
        assertEquals(2, runWith(copy, second, encoder).added());
        assertEquals(1, second.calls.get(), "only the new picture was analysed");

        // A file whose time changed but not its bytes, and one whose bytes changed.
        Files.setLastModifiedTime(photos.resolve("a.png"), FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        draw(photos.resolve("b.png"), Color.YELLOW);
        CountingAnalyser third = new CountingAnalyser(1);
        assertEquals(2, runWith(photos, third, encoder).updated());
        assertEquals(1, third.calls.get(), "only the changed picture was analysed");
        try (PhotoSearcher searcher = PhotoSearcher.open(PhotoStore.embedded(dir.resolve("home/index")).reader(), m -> encoder)) {
            assertEquals(4, searcher.search("looked at", 10, 0).hits().size());
        }
    }

    @Test
    void aHeicPhotoUnreadableForLackOfTheProgramIsTriedAgainOnTheNextRun() throws Exception {
        Programs.assumeInstalled(Programs.LIBHEIF, "heif-enc", "heif-convert");
        Path photos = dir.resolve("phone");
        Path png = dir.resolve("drawn.png");
        draw(png, Color.ORANGE);
        Files.createDirectories(photos);
        Process encode = new ProcessBuilder("heif-enc", png.toString(), "-o", photos.resolve("a.heic").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(encode.waitFor(60, TimeUnit.SECONDS) && encode.exitValue() == 0, "heif-enc failed");

        IndexReport without = runHeif(photos, dir.resolve("nowhere/heif-convert").toString());
        assertEquals(1, without.added());
        assertTrue(without.imageProblems().keySet().stream().anyMatch(k -> k.contains("heif-convert")),
                without.imageProblems().toString());
        IndexReport with = runHeif(photos, "heif-convert");
        assertEquals(1, with.updated(), "tried again once the program is there");
        assertEquals(0, with.imageProblems().size(), with.imageProblems().toString());
        assertEquals(1, runHeif(photos, "heif-convert").unchanged());
    }

    private IndexReport runHeif(Path folder, String heifConvert) throws IOException {
        try (StoreWriter index = PhotoStore.embedded(dir.resolve("home/index")).writer();
                Indexer indexer = new Indexer(index, new MediaLoader(dir.resolve("home/thumbnails"),
                        MediaLimits.DEFAULTS, heifConvert), List.of(new ColourAnalyser()), encoder, 2)) {
            return indexer.index(Sources.open(folder), (done, total) -> {});
        }
    }
}
