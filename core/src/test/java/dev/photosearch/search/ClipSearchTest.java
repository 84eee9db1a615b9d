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
import dev.photosearch.index.PhotoStore;
import dev.photosearch.index.StoreWriter;
import dev.photosearch.media.MediaLimits;
import dev.photosearch.media.MediaLoader;
import dev.photosearch.models.InstalledModel;
import dev.photosearch.source.Sources;
import dev.photosearch.testing.CountingAnalyser;
import dev.photosearch.testing.Pictures;
import dev.photosearch.testing.TinyCaptioner;
import dev.photosearch.testing.TinyClip;
import dev.photosearch.vision.Analyser;
import dev.photosearch.vision.CaptionAnalyser;
import dev.photosearch.vision.Captioner;
import dev.photosearch.vision.ClipImageEncoder;
import dev.photosearch.vision.ColourAnalyser;
import dev.photosearch.vision.ImageEmbedder;
import dev.photosearch.vision.SignatureAnalyser;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
                PhotoSearcher searcher = PhotoSearcher.open(PhotoStore.embedded(home.resolve("index")).reader(), m -> text, queries)) {
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
    void theClipSignalIsWeighedByTheFusionAndNotRunAtWeightZero() throws IOException {
        Path home = dir.resolve("home-fusion");
        index(home, true);
        try (ClipQueryEncoder queries = new ClipQueryEncoder(clip.id(), ClipTextEncoder.load(clip, 1),
                Optional.empty());
                PhotoSearcher clipOnly = PhotoSearcher.open(PhotoStore.embedded(home.resolve("index")).reader(), m -> text, queries,
                        Fusion.parse("text=0,vector=0,clip=2"));
                PhotoSearcher withoutClip = PhotoSearcher.open(PhotoStore.embedded(home.resolve("index")).reader(), m -> text, queries,
                        Fusion.parse("clip=0"))) {
            List<Hit> hits = clipOnly.search("a photo of a cat", 10, 0).hits();
            assertEquals(4, hits.size());
            assertTrue(hits.stream().allMatch(h -> h.matched().keySet().equals(Set.of("clip"))));
            // Normalised by the weights of the signals run: the first by the only signal scores 1.
            assertEquals(1.0, hits.get(0).score(), 1e-9);
            assertEquals(61.0 / 62.0, hits.get(1).score(), 1e-9);
            assertFalse(withoutClip.search("a photo of a cat", 10, 0).hits().stream()
                    .anyMatch(h -> h.matched().containsKey("clip")));
        }
    }

    @Test
    void captionsJoinTheDescriptionAndAreFoundByWords() throws IOException {
        Path home = dir.resolve("home-caption");
        index(home, true);
        try (PhotoSearcher searcher = PhotoSearcher.open(PhotoStore.embedded(home.resolve("index")).reader(), m -> text)) {
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
        try (SimilarPhotos similar = SimilarPhotos.open(PhotoStore.embedded(home.resolve("index")).reader())) {
            List<SimilarPhotos.Similar> found = similar.like("one.png", 3);
            assertEquals(expected, found.stream().map(f -> f.photo().photo().path()).toList());
            assertTrue(found.stream().allMatch(f -> f.method().equals("clip")));
        }
    }

    @Test
    void addingClipAloneComputesTheMissingVectorsWithoutAnalysingAgain() throws IOException {
        Path home = dir.resolve("home-clip-only");
        CountingAnalyser counting = new CountingAnalyser(1);
        IndexReport first = indexWith(home, List.of(counting), null);
        IndexReport withClip = indexWith(home, List.of(counting), images);
        IndexReport again = indexWith(home, List.of(counting), images);
        assertEquals(4, first.added());
        assertEquals(4, withClip.updated(), "adding CLIP: vectors computed");
        assertEquals(0, withClip.unchanged());
        assertEquals(4, again.unchanged(), "nothing left to do");
        assertEquals(0, again.updated());
        assertEquals(4, counting.calls.get(), "the photos were analysed once, when first indexed");
        try (ClipQueryEncoder queries = new ClipQueryEncoder(clip.id(), ClipTextEncoder.load(clip, 1),
                Optional.empty());
                PhotoSearcher searcher = PhotoSearcher.open(PhotoStore.embedded(home.resolve("index")).reader(), m -> text, queries)) {
            SearchResults results = searcher.search("a photo of a cat", 10, 0);
            assertEquals(4, results.hits().stream().filter(h -> h.matched().containsKey("clip")).count());
        }
    }

    @Test
    void aPhotoWhoseImageCannotBeUsedIsNotLookedAtAgainForItsImageVector() throws IOException {
        Path home = dir.resolve("home-broken");
        Path photos = dir.resolve("photos-with-broken");
        Files.createDirectories(photos);
        ImageIO.write(Pictures.uniform(Color.ORANGE, 64, 48), "png", photos.resolve("good.png").toFile());
        Files.write(photos.resolve("broken.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3});
        List<Integer> totals = new ArrayList<>();
        for (int run = 0; run < 3; run++) {
            try (StoreWriter index = PhotoStore.embedded(home.resolve("index")).writer();
                    Indexer indexer = new Indexer(index, new MediaLoader(home.resolve("thumbnails"),
                            MediaLimits.DEFAULTS), List.of(new ColourAnalyser()), run == 0 ? null : images, text, 2)) {
                IndexReport report = indexer.index(Sources.open(photos), (done, total) -> totals.add(total));
                assertEquals(run == 0 ? 2 : 0, report.added());
            }
        }
        // first run: both photos; adding CLIP: only the good one gets a vector; then nothing is left to do
        assertEquals(List.of(2, 2, 1, 1, 0), totals);
    }

    @Test
    void aNewTextModelDescribesAgainWithoutAnalysingAndKeepsTheClipVectorsOrAddsThoseMissing() throws IOException {
        CountingAnalyser counting = new CountingAnalyser(1);
        CountingEmbedder embedder = new CountingEmbedder(images);
        TextEncoder minilm = TextEncoder.load(TextModel.MINILM);

        Path kept = dir.resolve("home-redescribe-kept");
        assertEquals(4, indexWith(kept, List.of(counting), embedder, text).added());
        assertEquals(4, embedder.embedded);
        assertEquals(4, indexWith(kept, List.of(counting), embedder, minilm).updated());
        assertEquals(4, counting.calls.get(), "the stored analyses were reused");
        assertEquals(4, embedder.embedded, "the stored CLIP vectors were kept, not computed again");
        assertEquals(4, clipMatches(kept, minilm));

        Path added = dir.resolve("home-redescribe-added");
        assertEquals(4, indexWith(added, List.of(counting), null, text).added());
        assertEquals(4, indexWith(added, List.of(counting), embedder, minilm).updated());
        assertEquals(8, counting.calls.get(), "described again without analysing again");
        assertEquals(8, embedder.embedded, "the missing CLIP vectors were computed");
        assertEquals(4, clipMatches(added, minilm));
        assertEquals(4, indexWith(added, List.of(counting), embedder, minilm).unchanged());
    }

    @Test
    void aChangedAnalyserLooksAgainAloneAndTheClipVectorsAreKept() throws IOException {
        CountingAnalyser objects = new CountingAnalyser("objects", 1);
        CountingEmbedder embedder = new CountingEmbedder(images);
        Path home = dir.resolve("home-one-analyser-changed");
        assertEquals(4, indexWith(home, List.of(objects, new CountingAnalyser("text", 1)), embedder).added());

        CountingAnalyser newerText = new CountingAnalyser("text", 2);
        assertEquals(4, indexWith(home, List.of(objects, newerText), embedder).updated());
        assertEquals(4, objects.calls.get(), "the unchanged analyser did not look again");
        assertEquals(4, newerText.calls.get());
        assertEquals(4, embedder.embedded, "the stored CLIP vectors were kept, not computed again");
        assertEquals(4, clipMatches(home, text));
    }

    @Test
    void filtersApplyToTheClipSignalToo() throws IOException {
        Path home = dir.resolve("home-filter");
        Path more = dir.resolve("more-photos");
        Files.createDirectories(more);
        ImageIO.write(Pictures.uniform(new Color(200, 30, 30), 64, 48), "png", more.resolve("red.png").toFile());
        ImageIO.write(Pictures.uniform(new Color(30, 30, 200), 64, 48), "png", more.resolve("blue.png").toFile());
        index(home, true);
        String moreKey;
        try (StoreWriter index = PhotoStore.embedded(home.resolve("index")).writer();
                Indexer indexer = new Indexer(index, new MediaLoader(home.resolve("thumbnails"), MediaLimits.DEFAULTS),
                        List.of(new ColourAnalyser()), images, text, 2)) {
            moreKey = indexer.index(Sources.open(more), (done, total) -> { }).source();
        }
        try (ClipQueryEncoder queries = new ClipQueryEncoder(clip.id(), ClipTextEncoder.load(clip, 1),
                Optional.empty());
                PhotoSearcher searcher = PhotoSearcher.open(PhotoStore.embedded(home.resolve("index")).reader(), m -> text, queries)) {
            assertEquals(6, searcher.search("a photo of a cat", 10, 0).hits().stream()
                    .filter(h -> h.matched().containsKey("clip")).count());
            SearchResults filtered = searcher.search(new SearchRequest("a photo of a cat", 10, 0, moreKey, null, null,
                    SearchRequest.Sort.RELEVANCE));
            assertEquals(2, filtered.hits().size());
            assertTrue(filtered.hits().stream().allMatch(h -> h.photo().photo().source().equals(moreKey)
                    && h.matched().containsKey("clip")), filtered.hits().toString());
        }
    }

    private static long clipMatches(Path home, TextEncoder textEncoder) throws IOException {
        try (ClipQueryEncoder queries = new ClipQueryEncoder(clip.id(), ClipTextEncoder.load(clip, 1),
                Optional.empty());
                PhotoSearcher searcher = PhotoSearcher.open(PhotoStore.embedded(home.resolve("index")).reader(), m -> textEncoder, queries)) {
            return searcher.search("a photo of a cat", 10, 0).hits().stream()
                    .filter(h -> h.matched().containsKey("clip")).count();
        }
    }

    /** Counts the images CLIP's encoder is given; the indexer calls it from one thread. */
    private static final class CountingEmbedder implements ImageEmbedder {
        final ImageEmbedder inner;
        int embedded;

        CountingEmbedder(ImageEmbedder inner) {
            this.inner = inner;
        }

        @Override
        public String modelId() {
            return inner.modelId();
        }

        @Override
        public int dimension() {
            return inner.dimension();
        }

        @Override
        public List<float[]> embed(List<BufferedImage> batch) throws IOException {
            embedded += batch.size();
            return inner.embed(batch);
        }

        @Override
        public void close() {
            // the shared encoder is closed once, after all tests
        }
    }

    private static IndexReport indexWith(Path home, List<Analyser> analysers, ImageEmbedder encoder)
            throws IOException {
        return indexWith(home, analysers, encoder, text);
    }

    private static IndexReport indexWith(Path home, List<Analyser> analysers, ImageEmbedder encoder,
            TextEncoder textEncoder) throws IOException {
        try (StoreWriter index = PhotoStore.embedded(home.resolve("index")).writer();
                Indexer indexer = new Indexer(index, new MediaLoader(home.resolve("thumbnails"), MediaLimits.DEFAULTS),
                        analysers, encoder, textEncoder, 2)) {
            return indexer.index(Sources.open(dir.resolve("photos")), (done, total) -> { });
        }
    }
}
