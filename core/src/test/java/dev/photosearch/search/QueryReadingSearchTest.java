package dev.photosearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.photosearch.embed.TextEncoder;
import dev.photosearch.embed.TextModel;
import dev.photosearch.index.IndexedPhoto;
import dev.photosearch.index.PhotoStore;
import dev.photosearch.index.StoreWriter;
import dev.photosearch.search.Interpretation.Kind;
import dev.photosearch.source.Photo;
import dev.photosearch.vision.Description;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dates and places said in a query, applied: the dates filter (narrowed by the request's own), the place's name is
 * searched in the place field and in captions, and each reading can be left as words. Photos are taken at noon UTC
 * in mid-month, so the server's zone does not move them across a month.
 */
class QueryReadingSearchTest {

    @TempDir
    static Path dir;

    static TextEncoder encoder;
    static PhotoSearcher searcher;

    static void add(StoreWriter index, String path, String caption, String place, String date) throws IOException {
        Photo photo = new Photo(Photo.idFor("s", path), "s", path, null, null,
                date == null ? null : Instant.parse(date + "T12:00:00Z"), caption, List.of(), List.of(), "", place,
                false, Map.of(), "fp");
        // As the Describer says it: the place ends what the photo shows.
        Description description = new Description(caption + "." + (place.isEmpty() ? "" : " At " + place + "."), "");
        float[] vector = encoder.encodeDocuments(List.of(description.shows())).get(0);
        index.upsert(new IndexedPhoto(photo, null, null, null, List.of(), description, "fp"), vector, encoder.model(),
                null);
    }

    @BeforeAll
    static void buildIndex() throws IOException {
        encoder = TextEncoder.load(TextModel.BGE_SMALL);
        try (StoreWriter index = PhotoStore.embedded(dir.resolve("index")).writer()) {
            add(index, "boat-annecy-2019.jpg", "Our little boat this morning", "Annecy", "2019-06-15");
            add(index, "boat-geneva-2019.jpg", "A boat on the lake in Geneva", "", "2019-06-16");
            add(index, "boat-2021.jpg", "A sailing boat on the lake", "", "2021-07-14");
            add(index, "cat-2019.jpg", "The cat asleep on the sofa", "", "2019-06-20");
            add(index, "bike-2019.jpg", "My new red bike", "", "2019-03-10");
            add(index, "undated.jpg", "A boat on the lake", "", null);
            index.commit(encoder.model());
        }
        searcher = PhotoSearcher.open(PhotoStore.embedded(dir.resolve("index")).reader(), model -> encoder);
    }

    @AfterAll
    static void close() throws IOException {
        searcher.close();
    }

    static SearchResults search(String query, Instant from, Instant to, Set<Kind> literal) throws IOException {
        return searcher.search(new SearchRequest(query, 10, 0, null, from, to, SearchRequest.Sort.RELEVANCE,
                literal));
    }

    static List<String> paths(SearchResults results) {
        return results.hits().stream().map(h -> h.photo().photo().path()).toList();
    }

    @Test
    void aDateSaidFiltersEverySignalAndIsReported() throws IOException {
        SearchResults results = search("a boat on a lake in June 2019", null, null, Set.of());
        assertEquals(Set.of("boat-annecy-2019.jpg", "boat-geneva-2019.jpg", "cat-2019.jpg"),
                Set.copyOf(paths(results)));
        Interpretation read = results.interpreted();
        assertEquals("a boat on a lake", read.words());
        assertEquals(List.of(Kind.DATE), read.spans().stream().map(Interpretation.Span::kind).toList());
        assertEquals("in June 2019", read.spans().get(0).text());
        assertTrue(read.from().isBefore(Instant.parse("2019-06-02T00:00:00Z")));
        assertTrue(read.to().isAfter(Instant.parse("2019-06-29T23:59:59Z")));
    }

    @Test
    void aDateLeftLiteralIsSearchedAsWords() throws IOException {
        SearchResults results = search("a boat on a lake in June 2019", null, null, Set.of(Kind.DATE));
        assertTrue(paths(results).containsAll(List.of("boat-2021.jpg", "undated.jpg", "bike-2019.jpg")));
        assertEquals(List.of(), results.interpreted().spans());
        assertNull(results.interpreted().from());
    }

    @Test
    void theNarrowerOfTheRequestsDatesAndTheQuerysApplies() throws IOException {
        SearchResults narrower = search("boat in 2019", Instant.parse("2019-06-16T00:00:00Z"), null, Set.of());
        assertEquals(Set.of("boat-geneva-2019.jpg", "cat-2019.jpg"), Set.copyOf(paths(narrower)));
        SearchResults apart = search("boat in 2019", Instant.parse("2021-01-01T00:00:00Z"), null, Set.of());
        assertEquals(List.of(), apart.hits());
        assertEquals(0, apart.candidates());
        assertEquals("boat", apart.interpreted().words());
    }

    @Test
    void aQueryThatOnlySaysWhenListsThatTimeNewestFirst() throws IOException {
        SearchResults results = search("in 2019", null, null, Set.of());
        assertEquals(List.of("cat-2019.jpg", "boat-geneva-2019.jpg", "boat-annecy-2019.jpg", "bike-2019.jpg"),
                paths(results));
        assertEquals(4, results.candidates());
        assertEquals(4, results.matches());
        assertTrue(results.hits().stream().allMatch(Hit::likely));
        SearchResults second = searcher.search(new SearchRequest("in 2019", 2, 2, null, null, null, null));
        assertEquals(List.of("boat-annecy-2019.jpg", "bike-2019.jpg"), paths(second));
    }

    @Test
    void thePlaceIsSoughtInThePlaceFieldAndInCaptions() throws IOException {
        SearchResults annecy = search("boat at Annecy", null, null, Set.of());
        assertEquals("Annecy", annecy.interpreted().place());
        assertEquals("boat", annecy.interpreted().words());
        assertEquals("boat-annecy-2019.jpg", paths(annecy).get(0));
        assertEquals(1, annecy.hits().get(0).matched().get("text"));
        SearchResults geneva = search("boat in Geneva", null, null, Set.of());
        assertEquals("boat-geneva-2019.jpg", paths(geneva).get(0));
        assertEquals(1, geneva.hits().get(0).matched().get("text"));
    }

    @Test
    void aPlaceLeftLiteralIsNotReported() throws IOException {
        SearchResults results = search("boat at Annecy in June 2019", null, null, Set.of(Kind.PLACE));
        assertNull(results.interpreted().place());
        assertEquals("boat at Annecy", results.interpreted().words());
        assertEquals(List.of(Kind.DATE), results.interpreted().spans().stream().map(Interpretation.Span::kind)
                .toList());
    }
}
