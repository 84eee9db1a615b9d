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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Source and date filters on both signals, date order, lookups, similar photos, source counts and refresh. */
class FilteredSearchTest {

    @TempDir
    static Path dir;

    static TextEncoder encoder;
    static PhotoSearcher searcher;

    static Photo photo(String source, String path, String caption, String date) {
        return new Photo(Photo.idFor(source, path), source, path, null, null, Instant.parse(date + "T12:00:00Z"),
                caption, List.of(), List.of(), "", "", false, Map.of(), "fp");
    }

    static void add(StoreWriter index, Photo photo) throws IOException {
        Description description = new Description(photo.caption() + ".", "");
        float[] vector = encoder.encodeDocuments(List.of(description.shows())).get(0);
        index.upsert(new IndexedPhoto(photo, null, null, null, List.of(), description, "fp"), vector, encoder.model(), null);
    }

    @BeforeAll
    static void buildIndex() throws IOException {
        encoder = TextEncoder.load(TextModel.BGE_SMALL);
        try (StoreWriter index = PhotoStore.embedded(dir.resolve("index")).writer()) {
            add(index, photo("a", "boat-2019.jpg", "A sailing boat on the lake", "2019-06-01"));
            add(index, photo("a", "boat-2021.jpg", "Our boat in the harbour", "2021-08-15"));
            add(index, photo("b", "boat-2023.jpg", "Rowing boat at sunrise", "2023-05-20"));
            add(index, photo("b", "cat-2022.jpg", "The cat asleep on the sofa", "2022-01-10"));
            index.commit(encoder.model());
        }
        searcher = PhotoSearcher.open(PhotoStore.embedded(dir.resolve("index")).reader(), model -> encoder);
    }

    @AfterAll
    static void close() throws IOException {
        searcher.close();
    }

    static List<String> paths(SearchResults results) {
        return results.hits().stream().map(h -> h.photo().photo().path()).toList();
    }

    @Test
    void aSourceFilterKeepsBothSignalsInsideTheSource() throws IOException {
        SearchResults results = searcher.search(new SearchRequest("boat", 10, 0, "b", null, null, null));
        assertEquals(List.of("boat-2023.jpg", "cat-2022.jpg"), paths(results).stream().sorted().toList());
        assertEquals(2, results.candidates());
    }

    @Test
    void aDateRangeIsInclusive() throws IOException {
        SearchResults results = searcher.search(new SearchRequest("boat", 10, 0, null,
                Instant.parse("2021-08-15T12:00:00Z"), Instant.parse("2023-01-01T00:00:00Z"), null));
        assertEquals(List.of("boat-2021.jpg", "cat-2022.jpg"), paths(results).stream().sorted().toList());
        assertThrows(IllegalArgumentException.class, () -> new SearchRequest("boat", 10, 0, null,
                Instant.parse("2023-01-01T00:00:00Z"), Instant.parse("2021-01-01T00:00:00Z"), null));
    }

    @Test
    void dateOrderIsNewestFirstAmongTheLikelyMatchesThenAmongTheOthers() throws IOException {
        SearchResults results = searcher.search(new SearchRequest("boat", 10, 0, null, null, null,
                SearchRequest.Sort.DATE));
        assertEquals(List.of("boat-2023.jpg", "boat-2021.jpg", "boat-2019.jpg", "cat-2022.jpg"), paths(results));
        assertEquals(List.of(true, true, true, false), results.hits().stream().map(Hit::likely).toList());
        assertEquals(3, results.matches());
    }

    @Test
    void similarPhotosAreTheNearestOthers() throws IOException {
        String id = Photo.idFor("a", "boat-2019.jpg");
        List<Hit> similar = searcher.similar(id, 3).orElseThrow();
        assertEquals(3, similar.size());
        assertFalse(similar.stream().anyMatch(h -> h.photo().photo().id().equals(id)));
        assertTrue(similar.get(0).photo().photo().path().startsWith("boat"), similar.get(0).photo().photo().path());
        assertEquals("cat-2022.jpg", similar.get(2).photo().photo().path());
        assertTrue(searcher.similar("0000000000", 3).isEmpty());
        assertTrue(searcher.find(id).isPresent());
    }

    @Test
    void sourcesAreCountedAndNewCommitsSeenAfterRefresh() throws IOException {
        Path other = dir.resolve("other");
        try (StoreWriter index = PhotoStore.embedded(other).writer()) {
            add(index, photo("x", "one.jpg", "A red bicycle", "2020-01-01"));
            index.commit(encoder.model());
            try (PhotoSearcher live = PhotoSearcher.open(PhotoStore.embedded(other).reader(), model -> encoder)) {
                assertEquals(Map.of("x", 1), live.sources());
                add(index, photo("y", "two.jpg", "A blue car", "2020-01-02"));
                index.delete(List.of(Photo.idFor("x", "one.jpg")));
                index.commit(encoder.model());
                assertEquals(1, live.size(), "not seen before refresh");
                live.refresh();
                assertEquals(Map.of("y", 1), live.sources());
            }
        }
    }
}
