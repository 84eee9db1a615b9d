package dev.photosearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.photosearch.embed.TextModel;
import dev.photosearch.index.PhotoFilter;
import dev.photosearch.index.PhotoStore;
import dev.photosearch.index.StoreFixtures;
import dev.photosearch.index.StoreReader;
import dev.photosearch.index.StoreWriter;
import dev.photosearch.search.ListRequest.Order;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listing a collection without a query: the store's date order, read into whole photos, page by page. */
class PhotoBrowserTest {

    private static final Instant MAY = Instant.parse("2023-05-31T23:30:00Z");
    private static final Instant JULY = Instant.parse("2023-07-02T08:00:00Z");
    private static final Instant AUGUST = Instant.parse("2023-08-12T12:30:00Z");

    @TempDir
    Path dir;

    private StoreReader indexed() throws IOException {
        PhotoStore store = PhotoStore.embedded(dir);
        try (StoreWriter writer = store.writer()) {
            writer.upsert(StoreFixtures.photo("july.jpg", "Lake", JULY), null, TextModel.BGE_SMALL, null);
            writer.upsert(StoreFixtures.photo("undated.jpg", "", null), null, TextModel.BGE_SMALL, null);
            writer.upsert(StoreFixtures.photo("may.jpg", "Bike", MAY), null, TextModel.BGE_SMALL, null);
            writer.upsert(StoreFixtures.photo("other", "august.jpg", "Beach", AUGUST), null, TextModel.BGE_SMALL,
                    null);
            writer.commit(TextModel.BGE_SMALL);
        }
        return store.reader();
    }

    private static List<String> paths(PhotoList list) {
        return list.photos().stream().map(p -> p.photo().path()).toList();
    }

    @Test
    void newestOrOldestFirstWithUndatedLast() throws IOException {
        try (StoreReader reader = indexed()) {
            PhotoBrowser browser = new PhotoBrowser(reader);
            PhotoList newest = browser.list(new ListRequest(PhotoFilter.NONE, Order.NEWEST_FIRST, 0, 10));
            assertEquals(List.of("august.jpg", "july.jpg", "may.jpg", "undated.jpg"), paths(newest));
            assertEquals(4, newest.total());
            assertEquals("Beach", newest.photos().get(0).photo().caption());
            PhotoList oldest = browser.list(new ListRequest(PhotoFilter.NONE, Order.OLDEST_FIRST, 0, 10));
            assertEquals(List.of("may.jpg", "july.jpg", "august.jpg", "undated.jpg"), paths(oldest));
        }
    }

    @Test
    void pagesFollowEachOtherAndCountWhatTheFilterLetsThrough() throws IOException {
        try (StoreReader reader = indexed()) {
            PhotoBrowser browser = new PhotoBrowser(reader);
            PhotoList second = browser.list(new ListRequest(PhotoFilter.NONE, Order.NEWEST_FIRST, 2, 2));
            assertEquals(List.of("may.jpg", "undated.jpg"), paths(second));
            assertEquals(4, second.total());
            PhotoList beyond = browser.list(new ListRequest(PhotoFilter.NONE, Order.NEWEST_FIRST, 10, 2));
            assertEquals(List.of(), paths(beyond));
            assertEquals(4, beyond.total());
            PhotoList test = browser.list(new ListRequest(new PhotoFilter(StoreFixtures.SOURCE, null, null),
                    Order.NEWEST_FIRST, 0, 10));
            assertEquals(List.of("july.jpg", "may.jpg", "undated.jpg"), paths(test));
        }
    }

    @Test
    void wholeDaysInUtcIncludeTheirLastHalfHour() throws IOException {
        try (StoreReader reader = indexed()) {
            PhotoFilter mayToJuly = new PhotoFilter(null, Days.start(LocalDate.parse("2023-05-31")),
                    Days.end(LocalDate.parse("2023-07-02")));
            PhotoList list = new PhotoBrowser(reader).list(new ListRequest(mayToJuly, Order.NEWEST_FIRST, 0, 10));
            assertEquals(List.of("july.jpg", "may.jpg"), paths(list));
            assertEquals(2, list.total());
        }
        assertEquals(Instant.parse("2023-07-02T23:59:59Z"), Days.end(LocalDate.parse("2023-07-02")));
    }

    @Test
    void requestsOutOfBoundsAreRefused() {
        PhotoFilter backwards = new PhotoFilter(null, JULY, MAY);
        assertThrows(IllegalArgumentException.class, () -> new ListRequest(backwards, Order.NEWEST_FIRST, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> new ListRequest(PhotoFilter.NONE, Order.NEWEST_FIRST, 0, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new ListRequest(PhotoFilter.NONE, Order.NEWEST_FIRST, -1, 10));
        assertThrows(IllegalArgumentException.class,
                () -> new ListRequest(PhotoFilter.NONE, Order.NEWEST_FIRST, Integer.MAX_VALUE, 1));
        assertEquals(Order.NEWEST_FIRST, Order.of(" -date"));
        assertEquals(Order.OLDEST_FIRST, Order.of("DATE"));
        assertThrows(IllegalArgumentException.class, () -> Order.of("relevance"));
    }
}
