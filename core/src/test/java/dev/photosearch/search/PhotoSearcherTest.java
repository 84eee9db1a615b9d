package dev.photosearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.photosearch.embed.TextEncoder;
import dev.photosearch.embed.TextModel;
import dev.photosearch.index.IndexedPhoto;
import dev.photosearch.index.PhotoStore;
import dev.photosearch.index.StoreWriter;
import dev.photosearch.source.Photo;
import dev.photosearch.vision.Description;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hybrid ranking over a small index built with the real shipped text model. */
class PhotoSearcherTest {

    @TempDir
    static Path dir;

    static TextEncoder encoder;
    static PhotoSearcher searcher;

    static final Map<String, String> CAPTIONS = Map.of(
            "sunset.jpg", "Coucher de soleil sur la mer à Biarritz 🌅",
            "boat.jpg", "Our little boat on Lake Annecy this morning",
            "cat.jpg", "Minou asleep on the new couch",
            "snow.jpg", "Fresh snow on the peaks, first ski day of the season",
            "bike.jpg", "My new red bike!",
            "cake.jpg", "Gâteau d'anniversaire pour les 30 ans de Léa",
            "coffee.jpg", "Morning espresso at the corner café",
            "dog.jpg", "Rex chasing his ball in the park");

    @BeforeAll
    static void buildIndex() throws IOException {
        encoder = TextEncoder.load(TextModel.BGE_SMALL);
        try (StoreWriter index = PhotoStore.embedded(dir.resolve("index")).writer()) {
            for (var e : CAPTIONS.entrySet()) {
                Photo photo = new Photo(Photo.idFor("test", e.getKey()), "test", e.getKey(), null, null, null,
                        e.getValue(), List.of(), List.of(), "", "", false, Map.of(), "fp");
                Description description = new Description(e.getValue() + ".", "");
                float[] vector = encoder.encodeDocuments(List.of(description.shows())).get(0);
                index.upsert(new IndexedPhoto(photo, null, null, null, List.of(), description, "fp"), vector,
                        encoder.model(), null);
            }
            index.commit(encoder.model());
        }
        searcher = PhotoSearcher.open(PhotoStore.embedded(dir.resolve("index")).reader(), model -> encoder);
    }

    @AfterAll
    static void close() throws IOException {
        searcher.close();
    }

    private static Hit first(String query) throws IOException {
        return searcher.search(query, 3, 0).hits().get(0);
    }

    @Test
    void findsByMeaningWhenNoWordIsShared() throws IOException {
        Hit hit = first("kitten sleeping on a sofa");
        assertEquals("cat.jpg", hit.photo().photo().path());
        assertTrue(hit.matched().containsKey("vector"));
        assertEquals("bike.jpg", first("a bicycle").photo().photo().path());
    }

    @Test
    void exactWordsRankFirstAndSayTheyMatchedText() throws IOException {
        Hit hit = first("annecy");
        assertEquals("boat.jpg", hit.photo().photo().path());
        assertEquals(1, hit.matched().get("text"));
    }

    @Test
    void frenchWordsMatchWithOrWithoutAccents() throws IOException {
        assertEquals("cake.jpg", first("gâteau").photo().photo().path());
        assertEquals("cake.jpg", first("gateaux anniversaire").photo().photo().path());
        assertEquals("sunset.jpg", first("soleil").photo().photo().path());
    }

    @Test
    void bestResultScoresNearOneAndScoresDecrease() throws IOException {
        List<Hit> hits = searcher.search("red bike", 8, 0).hits();
        assertEquals("bike.jpg", hits.get(0).photo().photo().path());
        assertEquals(1.0, hits.get(0).score(), 1e-9);
        for (int i = 1; i < hits.size(); i++) {
            assertTrue(hits.get(i).score() <= hits.get(i - 1).score());
        }
    }

    @Test
    void pagesDoNotOverlapAndFollowTheRanking() throws IOException {
        List<Hit> all = searcher.search("morning", 6, 0).hits();
        List<Hit> second = searcher.search("morning", 3, 3).hits();
        assertEquals(all.subList(3, 6).stream().map(h -> h.photo().photo().id()).toList(),
                second.stream().map(h -> h.photo().photo().id()).toList());
    }

    @Test
    void queryTextIsNeverParsedAsSyntax() throws IOException {
        for (String hostile : List.of("AND OR NOT", "caption:boat*", "\"unbalanced (quote [ { ~ ^ \\ /",
                "the of and a", "🌅", "-", "x".repeat(20_000), "boat ".repeat(500), "\u0000\u0007 cat")) {
            SearchResults results = searcher.search(hostile, 5, 0);
            assertFalse(results.hits().isEmpty(), hostile);
            assertTrue(results.query().length() <= PhotoSearcher.MAX_QUERY_CHARS);
        }
        assertEquals("sunset.jpg", first("🌅").photo().photo().path());
    }

    @Test
    void emptyQueriesAndBadPagesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> searcher.search("   \n\t", 5, 0));
        assertThrows(IllegalArgumentException.class, () -> searcher.search("cat", 0, 0));
        assertThrows(IllegalArgumentException.class, () -> searcher.search("cat", 5, -1));
    }

    @Test
    void aMissingIndexIsExplained() {
        IOException e = assertThrows(IOException.class,
                () -> PhotoSearcher.open(PhotoStore.embedded(dir.resolve("nowhere")).reader(), model -> encoder));
        assertTrue(e.getMessage().contains("photosearch index"), e.getMessage());
    }

    @Test
    void aSignalWeighingNothingIsNotRun() throws IOException {
        try (PhotoSearcher wordsOnly = PhotoSearcher.open(PhotoStore.embedded(dir.resolve("index")).reader(), model -> encoder,
                Fusion.parse("vector=0"))) {
            SearchResults results = wordsOnly.search("annecy", 10, 0);
            assertEquals(1, results.hits().size());
            assertEquals(Map.of("text", 1), results.hits().get(0).matched());
            assertEquals(1.0, results.hits().get(0).score(), 1e-9);
            assertTrue(wordsOnly.search("giraffe", 10, 0).hits().isEmpty());
            // "kitten" is searched as "cat" too, which names the file cat.jpg.
            assertEquals("cat.jpg", wordsOnly.search("kitten", 10, 0).hits().get(0).photo().photo().path());
        }
    }
}
