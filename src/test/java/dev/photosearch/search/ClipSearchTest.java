package dev.photosearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.photosearch.embed.ClipQueryEncoder;
import dev.photosearch.embed.ClipTextEncoder;
import dev.photosearch.embed.TextEncoder;
import dev.photosearch.embed.TextModel;
import dev.photosearch.index.IndexReport;
import dev.photosearch.index.Indexer;
import dev.photosearch.index.PhotoIndex;
import dev.photosearch.media.MediaLimits;
import dev.photosearch.media.MediaLoader;
import dev.photosearch.models.InstalledModel;
import dev.photosearch.source.Sources;
import dev.photosearch.testing.Pictures;
import dev.photosearch.testing.TinyCaptioner;
import dev.photosearch.testing.TinyClip;
import dev.photosearch.vision.Analyser;
import dev.photosearch.vision.CaptionAnalyser;
import dev.photosearch.vision.Captioner;
import dev.photosearch.vision.ClipImageEncoder;
import dev.photosearch.vision.ColourAnalyser;
import dev.photosearch.vision.SignatureAnalyser;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Indexing and search with CLIP and the captioner, through the tiny contract graphs of {@link TinyClip} and
 * {@link TinyCaptioner}: proves that vectors and captions are computed, stored, searched and fused, not that they
 * are good (the graphs are arithmetic, not trained models).
 */
class ClipSearchTest {

    @TempDir
    static Path dir;

    static TextEncoder text;
    static InstalledModel clip;
    static InstalledModel captionModel;
    static ClipImageEncoder images;
    static Captioner captioner;

    static final Map<String, Color> PHOTOS = Map.of("one.png", new Color(250, 140, 40), "two.png",
            new Color(20, 40, 110), "three.png", new Color(240, 240, 230), "four.png", new Color(30, 160, 60));

    @BeforeAll
    static void setUp() throws IOException {
        text = TextEncoder.load(TextModel.BGE_SMALL);
        clip = TinyClip.install(dir.resolve("clip-src"), dir.resolve("models"));
        captionModel = TinyCaptioner.install(dir.resolve("captioner-src"), dir.resolve("models"));
        images = ClipImageEncoder.load(clip, 1);
        captioner = Captioner.load(captionModel, Captioner.Settings.DEFAULT, 1);
        for (var e : PHOTOS.entrySet()) {
            BufferedImage image = Pictures.uniform(e.getValue(), 64, 48);
            Files.createDirectories(dir.resolve("photos"));
            ImageIO.write(image, "png", dir.resolve("photos").resolve(e.getKey()).toFile());
        }
    }

    @AfterAll
    static void tearDown() {
        images.close();
        captioner.close();
    }

    private static IndexReport index(Path home, boolean withModels) throws IOException {
        List<Analyser> analysers = withModels
                ? List.of(new CaptionAnalyser(captioner), new ColourAnalyser(), new SignatureAnalyser())
                : List.of(new ColourAnalyser(), new SignatureAnalyser());
        return indexWith(home, analysers, withModels ? images : null);
    }

    @Test
    void clipIsAThirdSignalRankedByImageTextSimilarity() throws IOException {
        Path home = dir.resolve("home-clip");
        assertEquals(4, index(home, true).added());
        String query = "a photo of a cat";
        ClipTextEncoder english = ClipTextEncoder.load(clip, 1);
        float[] queryVector = english.encode(query);
        // The expected CLIP order, from the image vectors worked out independently of the index.
        List<String> expected = PHOTOS.entrySet().stream()
                .sorted(Comparator.comparingDouble(e -> -dot(queryVector, TinyClip.expectedImage(e.getValue()))))
                .map(Map.Entry::getKey).toList();

        try (ClipQueryEncoder queries = new ClipQueryEncoder(clip.id(), english, Optional.empty());
                PhotoSearcher searcher = PhotoSearcher.open(home.resolve("index"), m -> text, queries)) {
            SearchResults results = searcher.search(query, 10, 0);
            assertEquals(4, results.hits().stream().filter(h -> h.matched().containsKey("clip")).count());
            for (int rank = 1; rank <= 4; rank++) {
                int r = rank;
                Hit hit = results.hits().stream().filter(h -> h.matched().get("clip") == r).findFirst().orElseThrow();
                assertEquals(expected.get(rank - 1), hit.photo().photo().path());
            }
        }
    }

    @Test
    void captionsJoinTheDescriptionAndAreFoundByWords() throws IOException {
        Path home = dir.resolve("home-caption");
        index(home, true);
        try (PhotoSearcher searcher = PhotoSearcher.open(home.resolve("index"), m -> text)) {
            SearchResults results = searcher.search("dog", 10, 0);
            Hit first = results.hits().get(0);
            assertTrue(first.matched().containsKey("text"), first.matched().toString());
            assertTrue(first.photo().description().shows().contains("A dog on sofa; mostly"),
                    first.photo().description().shows());
            assertFalse(results.hits().stream().anyMatch(h -> h.matched().containsKey("clip")),
                    "no CLIP query encoder, no clip signal");
        }
    }

    @Test
    void addingModelsReindexesOnceAndWithoutThemNothingChanges() throws IOException {
        Path home = dir.resolve("home-upgrade");
        assertEquals(4, index(home, false).added());
        assertEquals(4, index(home, false).unchanged());
        IndexReport withModels = index(home, true);
        assertEquals(4, withModels.updated());
        assertEquals(4, index(home, true).unchanged());
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Test
    void similarPhotosUseClipVectorsWhenIndexed() throws IOException {
        Path home = dir.resolve("home-similar");
        index(home, true);
        float[] one = TinyClip.expectedImage(PHOTOS.get("one.png"));
        List<String> expected = PHOTOS.keySet().stream().filter(p -> !p.equals("one.png"))
                .sorted(Comparator.comparingDouble(p -> -dot(one, TinyClip.expectedImage(PHOTOS.get(p))))).toList();
        try (SimilarPhotos similar = SimilarPhotos.open(home.resolve("index"))) {
            List<SimilarPhotos.Similar> found = similar.like("one.png", 3);
            assertEquals(expected, found.stream().map(f -> f.photo().photo().path()).toList());
            assertTrue(found.stream().allMatch(f -> f.method().equals("clip")));
        }
    }

    @Test
    void addingClipAloneComputesTheMissingVectorsWithoutAnalysingAgain() throws IOException {
        Path home = dir.resolve("home-clip-only");
        java.util.concurrent.atomic.AtomicInteger analysed = new java.util.concurrent.atomic.AtomicInteger();
        Analyser counting = new Analyser() {
            @Override
            public String name() {
                return "counting";
            }

            @Override
            public int version() {
                return 1;
            }

            @Override
            public dev.photosearch.vision.Analysis analyse(BufferedImage image) {
                analysed.incrementAndGet();
                return new dev.photosearch.vision.Analysis("counting", 1, "", List.of(), Map.of());
            }
        };
        IndexReport first = indexWith(home, List.of(counting), null);
        IndexReport withClip = indexWith(home, List.of(counting), images);
        IndexReport again = indexWith(home, List.of(counting), images);
        assertEquals(4, first.added());
        assertEquals(4, withClip.updated(), "adding CLIP: vectors computed");
        assertEquals(0, withClip.unchanged());
        assertEquals(4, again.unchanged(), "nothing left to do");
        assertEquals(0, again.updated());
        assertEquals(4, analysed.get(), "the photos were analysed once, when first indexed");
        try (ClipQueryEncoder queries = new ClipQueryEncoder(clip.id(), ClipTextEncoder.load(clip, 1),
                Optional.empty());
                PhotoSearcher searcher = PhotoSearcher.open(home.resolve("index"), m -> text, queries)) {
            SearchResults results = searcher.search("a photo of a cat", 10, 0);
            assertEquals(4, results.hits().stream().filter(h -> h.matched().containsKey("clip")).count());
        }
    }

    private static IndexReport indexWith(Path home, List<Analyser> analysers, ClipImageEncoder encoder)
            throws IOException {
        try (PhotoIndex index = PhotoIndex.open(home.resolve("index"));
                Indexer indexer = new Indexer(index, new MediaLoader(home.resolve("thumbnails"), MediaLimits.DEFAULTS),
                        analysers, encoder, text, 2)) {
            return indexer.index(Sources.open(dir.resolve("photos")), (done, total) -> { });
        }
    }
}
