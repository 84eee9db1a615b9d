package dev.photosearch.index.solr;

import static dev.photosearch.index.solr.Fixtures.photo;
import static dev.photosearch.index.solr.Fixtures.seen;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.photosearch.embed.TextEncoder;
import dev.photosearch.embed.TextModel;
import dev.photosearch.index.IndexReport;
import dev.photosearch.index.IndexedPhoto;
import dev.photosearch.index.Indexer;
import dev.photosearch.index.PhotoFilter;
import dev.photosearch.index.PhotoStore;
import dev.photosearch.index.StoreReader;
import dev.photosearch.index.StoreWriter;
import dev.photosearch.media.MediaLimits;
import dev.photosearch.media.MediaLoader;
import dev.photosearch.search.Hit;
import dev.photosearch.search.ListRequest;
import dev.photosearch.search.ListRequest.Order;
import dev.photosearch.search.PhotoBrowser;
import dev.photosearch.search.PhotoList;
import dev.photosearch.search.PhotoSearcher;
import dev.photosearch.search.SearchRequest;
import dev.photosearch.source.Sources;
import dev.photosearch.vision.Analysis;
import dev.photosearch.vision.ColourAnalyser;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline over Solr as over the embedded store: the indexer writing, the searcher reading (words,
 * meaning, fusion, likely matches, filters, dates said in the query, date order), and browsing without a query, on a
 * real SolrCloud started by this test (three Solr nodes and ZooKeeper, collections of 2 shards × 2 replicas).
 */
class SolrPipelineTest {

    private static final String COLLECTION = "parity";
    private static final Instant MAY = Instant.parse("2024-05-01T10:00:00Z");
    private static final String[] CAPTIONS = {"A red boat on the lake at sunset", "Un bateau rouge sur le lac",
        "My cat asleep on the sofa", "Le chat de ma sœur dort sur le canapé", "Birthday cake with candles",
        "Gâteau d'anniversaire au chocolat", "Two giraffes in a field", "Deux girafes dans un pré",
        "A man riding a horse on the beach", "Les cafés de l'été à Paris", "Snowy mountains at dawn",
        "Montagnes enneigées à l'aube", "A dog catching a frisbee", "Kids playing football in the park",
        "A cup of coffee and a laptop", "Sunset over the sea, boats in the harbour", "Le port au coucher du soleil",
        "Minou asleep on the new couch", "A bowl of ramen", "Fireworks over the city", "", "", ""};
    private static final List<String> QUERIES = List.of("a boat on a lake", "kitten sleeping on a sofa",
        "birthday cake", "gâteau d'anniversaire", "deux girafes dans un pré", "a man on a horse",
        "mountains with snow", "coffee mug", "soccer", "fireworks", "un chat noir", "\"quoted\" AND title:(x)");

    @TempDir
    static Path dir;
    private static SolrTestCluster solr;
    private static TextEncoder encoder;

    @BeforeAll
    static void index() throws Exception {
        solr = SolrTestCluster.start(dir.resolve("cluster"));
        solr.setUp(COLLECTION);
        encoder = TextEncoder.load(TextModel.BGE_SMALL);
        List<IndexedPhoto> photos = new ArrayList<>();
        for (int i = 0; i < CAPTIONS.length; i++) {
            List<Analysis> objects = i >= 20 ? List.of(seen("a person riding a bicycle", "person", "bicycle"))
                    : List.of();
            photos.add(photo(i % 2 == 0 ? "even" : "odd", "photo-" + i + ".jpg", CAPTIONS[i],
                    i % 5 == 4 ? null : MAY.plusSeconds((i % 7) * 86_400L), null, objects));
        }
        List<float[]> vectors = encoder.encodeDocuments(photos.stream()
                .map(p -> p.photo().caption() + " " + p.photo().path()).toList());
        try (PhotoStore embedded = PhotoStore.embedded(dir.resolve("lucene"));
                SolrStore store = SolrStore.connect(solr.urls(), COLLECTION);
                StoreWriter a = embedded.writer(); StoreWriter b = store.writer()) {
            for (int i = 0; i < photos.size(); i++) {
                a.upsert(photos.get(i), vectors.get(i), encoder.model(), null);
                b.upsert(photos.get(i), vectors.get(i), encoder.model(), null);
            }
            a.commit(encoder.model());
            b.commit(encoder.model());
        }
    }

    @Test
    void theIndexerWritesTheExampleOnceAndItsSearchesMatchTheEmbeddedStore() throws Exception {
        Path example = Path.of("..", "examples", "instagram-export");
        solr.setUp("example");
        IndexReport first;
        IndexReport second;
        try (SolrStore store = SolrStore.connect(solr.urls(), "example")) {
            first = index(store, example);
            second = index(store, example);
        }
        assertTrue(first.added() > 0, first.toString());
        assertEquals(List.of(0, 0, first.added(), 0),
                List.of(second.added(), second.updated(), second.unchanged(), second.removed()), second.toString());
        try (PhotoStore embedded = PhotoStore.embedded(dir.resolve("example-lucene"))) {
            index(embedded, example);
        }
        try (PhotoSearcher lucene = PhotoSearcher.open(PhotoStore.embedded(dir.resolve("example-lucene")).reader(),
                    m -> encoder);
                SolrStore store = SolrStore.connect(solr.urls(), "example");
                PhotoSearcher solrSearcher = PhotoSearcher.open(store.reader(), m -> encoder)) {
            assertEquals(first.added(), solrSearcher.size());
            for (String query : List.of("a boat on a lake", "birthday cake", "un chat", "mountains")) {
                assertEquals(paths(lucene.search(query, 10, 0).hits()), paths(solrSearcher.search(query, 10, 0).hits()),
                        query);
            }
        }
    }

    private IndexReport index(PhotoStore store, Path source) throws IOException {
        try (StoreWriter writer = store.writer();
                Indexer indexer = new Indexer(writer, new MediaLoader(dir.resolve("thumbnails"), MediaLimits.DEFAULTS),
                        List.of(new ColourAnalyser()), encoder, 2)) {
            return indexer.index(Sources.open(source), (done, total) -> {});
        }
    }

    private static List<String> paths(List<Hit> hits) {
        return hits.stream().map(h -> h.photo().photo().path()).toList();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        solr.close();
    }

    @Test
    void everyQueryGivesTheSameTopTenOnBothStores() throws IOException {
        List<SearchRequest> requests = new ArrayList<>();
        for (String query : QUERIES) {
            requests.add(SearchRequest.of(query, 10, 0));
            requests.add(new SearchRequest(query, 10, 0, "even", null, null, SearchRequest.Sort.RELEVANCE));
            requests.add(new SearchRequest(query, 5, 3, null, MAY.plusSeconds(86_400L), null,
                    SearchRequest.Sort.DATE));
        }
        // Dates and places said in the query, and a query that only says when.
        requests.add(SearchRequest.of("boats in Paris in May 2024", 10, 0));
        requests.add(SearchRequest.of("in May 2024", 10, 2));
        try (PhotoSearcher lucene = PhotoSearcher.open(PhotoStore.embedded(dir.resolve("lucene")).reader(),
                    m -> encoder);
                SolrStore store = SolrStore.connect(solr.urls(), COLLECTION);
                PhotoSearcher solrSearcher = PhotoSearcher.open(store.reader(), m -> encoder)) {
            int hits = 0;
            for (SearchRequest request : requests) {
                List<Hit> expected = lucene.search(request).hits();
                List<Hit> actual = solrSearcher.search(request).hits();
                assertEquals(paths(expected), paths(actual), request.toString());
                assertEquals(expected.stream().map(Hit::matched).toList(), actual.stream().map(Hit::matched).toList(),
                        request.toString());
                assertEquals(expected.stream().map(Hit::likely).toList(), actual.stream().map(Hit::likely).toList(),
                        request.toString());
                hits += expected.size();
            }
            assertFalse(hits < 200, "only " + hits + " hits in all");
        }
    }

    @Test
    void browsingGivesTheSamePagesOnBothStores() throws IOException {
        List<ListRequest> requests = List.of(new ListRequest(PhotoFilter.NONE, Order.NEWEST_FIRST, 0, 30),
                new ListRequest(PhotoFilter.NONE, Order.OLDEST_FIRST, 5, 7),
                new ListRequest(new PhotoFilter("odd", null, null), Order.NEWEST_FIRST, 2, 4),
                new ListRequest(new PhotoFilter(null, MAY.plusSeconds(86_400L), MAY.plusSeconds(4 * 86_400L)),
                        Order.OLDEST_FIRST, 0, 30));
        try (StoreReader lucene = PhotoStore.embedded(dir.resolve("lucene")).reader();
                SolrStore store = SolrStore.connect(solr.urls(), COLLECTION); StoreReader solrReader = store.reader()) {
            for (ListRequest request : requests) {
                PhotoList expected = new PhotoBrowser(lucene).list(request);
                PhotoList actual = new PhotoBrowser(solrReader).list(request);
                assertEquals(expected.total(), actual.total(), request.toString());
                assertEquals(expected.photos().stream().map(p -> p.photo().path()).toList(),
                        actual.photos().stream().map(p -> p.photo().path()).toList(), request.toString());
                assertFalse(expected.photos().isEmpty(), request.toString());
            }
        }
    }
}
