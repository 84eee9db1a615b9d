package dev.photosearch.index.solr;

import static dev.photosearch.index.solr.Fixtures.photo;
import static dev.photosearch.index.solr.Fixtures.seen;
import static dev.photosearch.index.solr.Fixtures.vector;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.photosearch.embed.TextModel;
import dev.photosearch.index.ImageVector;
import dev.photosearch.index.IndexedPhoto;
import dev.photosearch.index.Listing;
import dev.photosearch.index.PhotoFilter;
import dev.photosearch.index.PhotoStore;
import dev.photosearch.index.Ranked;
import dev.photosearch.index.StoreReader;
import dev.photosearch.index.StoreView;
import dev.photosearch.index.StoreWriter;
import dev.photosearch.index.StoredPhoto;
import dev.photosearch.index.TextWords;
import dev.photosearch.index.VectorKind;
import dev.photosearch.vision.Analysis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.common.SolrInputDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Solr store's behaviour on a real SolrCloud started by this test: three Solr nodes and ZooKeeper, each test
 * in its own collection of 2 shards × 2 replicas made by {@link SolrSetup}.
 */
class SolrStoreTest {

    private static final TextModel MODEL = TextModel.BGE_SMALL;
    private static final Instant MAY = Instant.parse("2024-05-01T10:00:00Z");
    private static final Instant JULY = Instant.parse("2024-07-01T10:00:00Z");

    @TempDir
    static Path dir;
    private static SolrTestCluster solr;

    @BeforeAll
    static void startCluster() throws Exception {
        solr = SolrTestCluster.start(dir.resolve("cluster"));
    }

    @AfterAll
    static void stopCluster() throws Exception {
        solr.close();
    }

    private static SolrStore store(String collection) throws Exception {
        solr.setUp(collection);
        return SolrStore.connect(solr.urls(), collection);
    }

    @Test
    void setupIsIdempotentAndRefusesACollectionOfAnotherConfigset() throws Exception {
        assertTrue(solr.setUp("again").created());
        SolrSetup.Result second = solr.setUp("again");
        assertFalse(second.created());
        assertEquals(SolrConfigset.NAME, second.configset());

        Path older = dir.resolve("older-configset");
        Files.createDirectories(older);
        for (Map.Entry<String, byte[]> file : SolrConfigset.files().entrySet()) {
            Files.write(older.resolve(file.getKey()), file.getValue());
        }
        solr.cluster.uploadConfigSet(older, "photosearch-v0");
        try (SolrNodes nodes = SolrNodes.of(solr.urls())) {
            nodes.send(CollectionAdminRequest.createCollection("older", "photosearch-v0", 1, 1), null);
        }
        IOException refused = assertThrows(IOException.class, () -> SolrSetup.run(solr.urls(), "older", 2, 2));
        assertOneLine(refused, "uses configset 'photosearch-v0' but this PhotoSearch needs '" + SolrConfigset.NAME);
        try (SolrStore store = SolrStore.connect(solr.urls(), "older")) {
            assertOneLine(assertThrows(IOException.class, store::reader), "photosearch-v0");
        }
        try (SolrStore store = SolrStore.connect(solr.urls(), "missing")) {
            assertOneLine(assertThrows(IOException.class, store::reader), "no collection 'missing'");
            assertTrue(assertThrows(IOException.class, store::writer).getMessage().contains("setup' first"));
        }
    }

    @Test
    void deleteTakesTheCollectionAwaySoThatSetupStartsItEmpty() throws Exception {
        try (SolrStore store = store("scratch"); StoreWriter writer = store.writer()) {
            writer.upsert(photo("s1", "a", "one", null, null), null, MODEL, null);
            writer.commit(MODEL);
        }
        assertTrue(SolrSetup.delete(solr.urls(), "scratch"));
        assertFalse(SolrSetup.delete(solr.urls(), "scratch"));
        try (SolrStore store = SolrStore.connect(solr.urls(), "scratch")) {
            assertOneLine(assertThrows(IOException.class, store::reader), "no collection 'scratch'");
        }
        try (SolrStore store = store("scratch"); StoreReader reader = store.reader(); StoreView view = reader.view()) {
            assertEquals(0, view.size());
        }
    }

    @Test
    void upsertReplacesTheWholePhotoAndReadsItBack() throws Exception {
        try (SolrStore store = store("replace")) {
            IndexedPhoto boat = photo("folder:/a", "boat.jpg", "A red boat on the lake", MAY, "sha-boat");
            float[] text = vector(1, 384);
            float[] clip = vector(2, 512);
            try (StoreWriter writer = store.writer()) {
                writer.upsert(boat, text, MODEL, new ImageVector("clip-b32", clip));
                writer.commit(MODEL);
                assertEquals(Set.of(boat.photo().id()), writer.states("folder:/a").keySet());
                assertEquals(boat.fingerprint(), writer.states("folder:/a").get(boat.photo().id()).fingerprint());
                assertEquals("clip-b32", writer.states("folder:/a").get(boat.photo().id()).imageModel());
                StoredPhoto stored = writer.stored(List.of(boat.photo().id(), "unknown")).get(boat.photo().id());
                assertEquals(boat, stored.entry());
                assertArrayEquals(text, stored.vector());
                assertArrayEquals(clip, stored.image().vector());
                assertEquals(Set.of("sha-boat"), writer.storedByContent(List.of("sha-boat", "sha-none")).keySet());

                IndexedPhoto tree = photo("folder:/a", "boat.jpg", "A green tree", MAY, "sha-boat");
                writer.upsert(tree, text, MODEL, null);
                writer.commit(MODEL);
            }
            try (StoreReader reader = store.reader(); StoreView view = reader.view()) {
                assertEquals(1, view.size());
                assertEquals(List.of(), view.matching(new TextWords("red lake", "red lake"), PhotoFilter.NONE, 10));
                assertEquals(List.of(boat.photo().id()), ids(view.matching(new TextWords("tree", "tree"),
                        PhotoFilter.NONE, 10)));
                // The replace carried no CLIP vector, so the photo has none any more.
                assertEquals(Optional.empty(), view.imageVector(boat.photo().id()));
                assertEquals(Optional.of(MODEL), view.textModel());
            }
        }
    }

    @Test
    void deleteAndRemoveSourceTakePhotosOut() throws Exception {
        try (SolrStore store = store("remove")) {
            List<IndexedPhoto> first = List.of(photo("s1", "a", "one", null, null), photo("s1", "b", "two", null, null),
                    photo("s1", "c", "three", null, null));
            List<IndexedPhoto> second = List.of(photo("s2", "a", "four", null, null), photo("s2", "b", "five", null,
                    null));
            try (StoreWriter writer = store.writer()) {
                for (IndexedPhoto p : concat(first, second)) {
                    writer.upsert(p, null, MODEL, null);
                }
                writer.commit(MODEL);
                writer.delete(List.of(first.get(0).photo().id()));
                writer.commit(MODEL);
                try (StoreView view = store.reader().view()) {
                    assertEquals(4, view.size());
                    assertEquals(Map.of("s1", 2, "s2", 2), view.sources());
                }
                assertEquals(Set.of(first.get(1).photo().id(), first.get(2).photo().id()), writer.removeSource("s1"));
            }
            try (StoreView view = store.reader().view()) {
                assertEquals(2, view.size());
                assertEquals(Map.of("s2", 2), view.sources());
                List<String> all = new ArrayList<>();
                view.forEach(p -> all.add(p.photo().path()));
                assertEquals(List.of("a", "b"), all.stream().sorted().toList());
            }
        }
    }

    @Test
    void everySignalSeesOnlyWhatTheFilterLetsBy() throws Exception {
        try (SolrStore store = store("filters")) {
            IndexedPhoto mayBoat = photo("s1", "may.jpg", "a boat", MAY, null);
            IndexedPhoto julyBoat = photo("s1", "july.jpg", "a boat", JULY, null);
            IndexedPhoto otherBoat = photo("s2", "other.jpg", "a boat", JULY, null);
            IndexedPhoto otherModel = photo("s2", "minilm.jpg", "a boat", JULY, null);
            try (StoreWriter writer = store.writer()) {
                writer.upsert(mayBoat, vector(1, 384), MODEL, new ImageVector("clip-a", vector(11, 512)));
                writer.upsert(julyBoat, vector(2, 384), MODEL, new ImageVector("clip-a", vector(12, 512)));
                writer.upsert(otherBoat, vector(3, 384), MODEL, new ImageVector("clip-b", vector(13, 512)));
                writer.upsert(otherModel, vector(4, 384), TextModel.MINILM, null);
                writer.commit(MODEL);
            }
            try (StoreView view = store.reader().view()) {
                TextWords boat = new TextWords("boat", "boat");
                assertEquals(4, view.matching(boat, PhotoFilter.NONE, 10).size());
                assertEquals(Set.of(mayBoat.photo().id(), julyBoat.photo().id()),
                        Set.copyOf(ids(view.matching(boat, new PhotoFilter("s1", null, null), 10))));
                PhotoFilter july = new PhotoFilter(null, Instant.parse("2024-06-01T00:00:00Z"), null);
                assertEquals(3, view.matching(boat, july, 10).size());

                List<Ranked> near = view.nearest(VectorKind.TEXT, MODEL.id(), vector(1, 384), PhotoFilter.NONE, 10);
                // Only this model's vectors; the closest is the same vector, scored (1 + cos) / 2 = 1.
                assertEquals(3, near.size());
                assertEquals(mayBoat.photo().id(), near.get(0).id());
                assertEquals(1.0f, near.get(0).score(), 1e-5);
                assertEquals(List.of(julyBoat.photo().id()), ids(view.nearest(VectorKind.TEXT, MODEL.id(),
                        vector(1, 384), new PhotoFilter("s1", Instant.parse("2024-06-01T00:00:00Z"), null), 10)));
                assertEquals(List.of(otherBoat.photo().id()), ids(view.nearest(VectorKind.CLIP, "clip-b",
                        vector(11, 512), PhotoFilter.NONE, 10)));

                assertEquals(Optional.of(julyBoat.photo().id()), view.idOf("july.jpg"));
                assertEquals(Optional.of(julyBoat.photo().id()), view.idOf(julyBoat.photo().id()));
                assertEquals(Optional.empty(), view.idOf("nowhere.jpg"));
                assertEquals(Map.of(mayBoat.photo().id(), MAY.getEpochSecond()),
                        view.takenAt(List.of(mayBoat.photo().id())));
                assertEquals(mayBoat, view.photos(List.of(mayBoat.photo().id())).get(mayBoat.photo().id()));
                assertArrayEquals(vector(2, 384), view.textVector(julyBoat.photo().id()).orElseThrow());
                assertEquals("clip-a", view.imageVector(mayBoat.photo().id()).orElseThrow().model());
            }
        }
    }

    @Test
    void aCollectionOfAnotherFormatIsRefusedWithWhatToRun() throws Exception {
        try (SolrStore store = store("format")) {
            try (StoreView view = store.reader().view()) {
                assertEquals(Optional.empty(), view.textModel());
            }
            writeFormat("format", SolrConfigset.VERSION + 1);
            assertOneLine(assertThrows(IOException.class, store::reader), "run a newer photosearch");
            writeFormat("format", SolrConfigset.VERSION - 1);
            assertOneLine(assertThrows(IOException.class, store::writer), "set up a new collection");
        }
    }

    @Test
    void twoWritersOfDifferentSourcesLeaveEveryPhotoOnce() throws Exception {
        solr.setUp("writers");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (String source : List.of("alice", "bob")) {
                // Each writer has its own connection, as two processes would.
                done.add(pool.submit(() -> {
                    try (SolrStore store = SolrStore.connect(solr.urls(), "writers");
                            StoreWriter writer = store.writer()) {
                        writer.states(source);
                        for (int i = 0; i < 150; i++) {
                            writer.upsert(photo(source, "p" + i, "photo " + i + " of " + source, null, null),
                                    vector(i, 384), MODEL, null);
                            if (i % 50 == 49) {
                                writer.commit(MODEL);
                            }
                        }
                        writer.commit(MODEL);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        try (SolrStore store = SolrStore.connect(solr.urls(), "writers"); StoreView view = store.reader().view()) {
            Map<String, Integer> seen = new HashMap<>();
            view.forEach(p -> seen.merge(p.photo().id(), 1, Integer::sum));
            assertEquals(300, seen.size());
            assertTrue(seen.values().stream().allMatch(n -> n == 1));
            assertEquals(Map.of("alice", 150, "bob", 150), view.sources());
        }
    }

    @Test
    void aPhotoTwoWritersReplaceAtOnceKeepsTheFirstWrittenWithoutFailingTheOther() throws Exception {
        try (SolrStore first = store("same"); SolrStore second = SolrStore.connect(solr.urls(), "same");
                StoreWriter one = first.writer(); StoreWriter two = second.writer()) {
            // Both read the source while it does not hold the photo, then both index it.
            one.states("shared");
            two.states("shared");
            one.upsert(photo("shared", "p.jpg", "written by the first", null, null), null, MODEL, null);
            one.commit(MODEL);
            two.upsert(photo("shared", "p.jpg", "written by the second", null, null), null, MODEL, null);
            two.commit(MODEL);
            try (StoreView view = first.reader().view()) {
                assertEquals(1, view.size());
                assertEquals("written by the first", view.photos(List.of(photo("shared", "p.jpg", "", null, null)
                        .photo().id())).values().iterator().next().photo().caption());
            }
            // A writer that read the photo replaces it freely afterwards.
            assertEquals(1, two.states("shared").size());
            two.upsert(photo("shared", "p.jpg", "read, then replaced", null, null), null, MODEL, null);
            two.commit(MODEL);
            try (StoreView view = first.reader().view()) {
                assertEquals(1, view.matching(new TextWords("replaced", "replaced"), PhotoFilter.NONE, 10).size());
            }
            // A photo replaced twice before it is sent is sent once, as last given.
            IndexedPhoto fresh = photo("shared", "new.jpg", "the first draft", null, null);
            two.upsert(fresh, null, MODEL, null);
            two.upsert(photo("shared", "new.jpg", "the final caption", null, null), null, MODEL, null);
            two.commit(MODEL);
            try (StoreView view = first.reader().view()) {
                assertEquals("the final caption", view.photos(List.of(fresh.photo().id())).get(fresh.photo().id())
                        .photo().caption());
            }
        }
    }

    @Test
    void visionWordsAndTheEverydayWordsAreSearched() throws Exception {
        try (SolrStore store = store("words")) {
            IndexedPhoto bike = photo("s", "1.jpg", "", null, null, List.of(seen("a person riding a bicycle",
                    "person", "bicycle")));
            IndexedPhoto cat = photo("s", "2.jpg", "Un chat noir sur le canapé", null, null);
            try (StoreWriter writer = store.writer()) {
                writer.upsert(bike, null, MODEL, null);
                writer.upsert(cat, null, MODEL, null);
                writer.commit(MODEL);
            }
            try (StoreView view = store.reader().view()) {
                assertEquals(List.of(bike.photo().id()), ids(view.matching(new TextWords("a man on a bike",
                        "man bike"), PhotoFilter.NONE, 10)));
                assertEquals(List.of(cat.photo().id()), ids(view.matching(new TextWords("black cat", "chats"),
                        PhotoFilter.NONE, 10)));
                // Query syntax is only words: quotes, colons and operators find nothing or the same words.
                assertEquals(List.of(), view.matching(new TextWords("\"AND\" OR: *", "\"AND\" OR: *"),
                        PhotoFilter.NONE, 10));
                assertEquals(List.of(), view.matching(new TextWords("the", ""), PhotoFilter.NONE, 10));
            }
        }
    }

    @Test
    void wordsRankAndScoreAsInTheEmbeddedStore() throws Exception {
        List<IndexedPhoto> photos = new ArrayList<>();
        String[] captions = {"A red boat on the lake at sunset", "Un bateau rouge sur le lac", "My cat on the sofa",
            "Le chat de ma sœur dort sur le canapé", "Birthday cake with candles", "Gâteau d'anniversaire au chocolat",
            "Two giraffes in a field", "Deux girafes dans un pré", "A man riding a horse on the beach",
            "Les cafés de l'été à Paris", "Snowy mountains at dawn", "Montagnes enneigées à l'aube",
            "A dog catching a frisbee", "Kids playing football in the park", "A cup of coffee and a laptop",
            "Sunset over the sea, boats in the harbour", "Le port au coucher du soleil", "", "", ""};
        for (int i = 0; i < captions.length; i++) {
            List<Analysis> seen = i % 3 == 0 ? List.of(seen("a person and a bicycle",
                    "person", "bicycle")) : i % 3 == 1 ? List.of(seen("a cup on a dining table", "cup",
                    "dining table")) : List.of();
            photos.add(photo(i % 2 == 0 ? "even" : "odd", "photo-" + i + (i % 4 == 0 ? "-beach.jpg" : ".jpg"),
                    captions[i], MAY.plusSeconds(i * 86_400L), null, seen));
        }
        Path lucene = indexBoth(photos, "scores");
        List<TextWords> queries = List.of(new TextWords("boat", "boat"), new TextWords("red boat on a lake",
                "red boat on lake"), new TextWords("a man with a mug", "man mug"), new TextWords("the cat on the sofa",
                "cat sofa"), new TextWords("kids playing soccer", "kids playing soccer"),
                new TextWords("birthday cake", "gâteau d'anniversaire"), new TextWords("coffee", "cafés"),
                new TextWords("sunset over the harbour", "sunset harbour"), new TextWords("beach", "beach"),
                new TextWords("two giraffes in a field", "deux girafes dans un pré"), new TextWords("tag", "tag"),
                new TextWords("summer", "summer"), new TextWords("person bicycle", "person bicycle"),
                new TextWords("\"quoted\" AND title:(x) OR -y*", "\"quoted\" AND title:(x) OR -y*"));
        try (PhotoStore embedded = PhotoStore.embedded(lucene);
                SolrStore store = SolrStore.connect(solr.urls(), "scores");
                StoreView a = embedded.reader().view(); StoreView b = store.reader().view()) {
            int found = 0;
            for (TextWords query : queries) {
                for (PhotoFilter filter : List.of(PhotoFilter.NONE, new PhotoFilter("even", null, null))) {
                    List<Ranked> expected = a.matching(query, filter, 100);
                    List<Ranked> actual = b.matching(query, filter, 100);
                    assertEquals(ids(expected), ids(actual), query + " " + filter);
                    found += expected.size();
                    for (int i = 0; i < expected.size(); i++) {
                        assertEquals(expected.get(i).score(), actual.get(i).score(),
                                1e-5 * expected.get(i).score(), query + " " + expected.get(i).id());
                    }
                }
            }
            assertTrue(found > 100, "the queries found " + found + " photos in all");
        }
    }

    @Test
    void listingsPageInDateOrderAsInTheEmbeddedStore() throws Exception {
        List<IndexedPhoto> photos = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            // Some share a date, some have none.
            Instant taken = i % 4 == 3 ? null : MAY.plusSeconds((i % 5) * 86_400L);
            photos.add(photo(i % 2 == 0 ? "even" : "odd", "p" + i + ".jpg", "photo " + i, taken, null));
        }
        Path lucene = indexBoth(photos, "list");
        try (PhotoStore embedded = PhotoStore.embedded(lucene);
                SolrStore store = SolrStore.connect(solr.urls(), "list");
                StoreView a = embedded.reader().view(); StoreView b = store.reader().view()) {
            for (PhotoFilter filter : List.of(PhotoFilter.NONE, new PhotoFilter("odd", null, null),
                    new PhotoFilter(null, MAY.plusSeconds(86_400L), MAY.plusSeconds(3 * 86_400L)))) {
                for (boolean newestFirst : List.of(true, false)) {
                    for (int offset : List.of(0, 5, 11, 20)) {
                        Listing expected = a.list(filter, newestFirst, offset, 5);
                        assertEquals(expected, b.list(filter, newestFirst, offset, 5),
                                filter + " " + newestFirst + " " + offset);
                    }
                }
            }
            assertEquals(12, b.list(PhotoFilter.NONE, true, 0, 20).ids().size());
        }
    }

    /** Indexes {@code photos} in an embedded store and in the Solr collection {@code collection}; returns the former. */
    private static Path indexBoth(List<IndexedPhoto> photos, String collection) throws Exception {
        Path lucene = dir.resolve("lucene-" + collection);
        try (PhotoStore embedded = PhotoStore.embedded(lucene); SolrStore store = store(collection);
                StoreWriter a = embedded.writer(); StoreWriter b = store.writer()) {
            for (IndexedPhoto p : photos) {
                a.upsert(p, null, MODEL, null);
                b.upsert(p, null, MODEL, null);
            }
            a.commit(MODEL);
            b.commit(MODEL);
        }
        return lucene;
    }

    private static void writeFormat(String collection, int format) throws IOException {
        try (SolrNodes nodes = SolrNodes.of(solr.urls())) {
            SolrInputDocument meta = new SolrInputDocument();
            meta.setField("id", SolrMeta.ID);
            meta.setField(SolrMeta.KIND, SolrMeta.META);
            meta.setField("format", format);
            UpdateRequest update = new UpdateRequest().add(meta);
            update.setAction(UpdateRequest.ACTION.COMMIT, true, true);
            nodes.send(update, collection);
        }
    }

    private static void assertOneLine(IOException e, String part) {
        assertTrue(e.getMessage().contains(part), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    private static List<String> ids(List<Ranked> ranked) {
        return ranked.stream().map(Ranked::id).toList();
    }

    private static List<IndexedPhoto> concat(List<IndexedPhoto> a, List<IndexedPhoto> b) {
        List<IndexedPhoto> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
