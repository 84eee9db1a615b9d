package dev.photosearch.api;

import dev.photosearch.search.PhotoBrowser;
import dev.photosearch.search.PhotoList;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;

/** {@code GET /api/photos}: the collection in date order, without a query. */
final class BrowseRoutes {

    private final PhotoBrowser browser;

    BrowseRoutes(PhotoBrowser browser) {
        this.browser = browser;
    }

    void list(Context ctx) throws IOException {
        Json.send(ctx, 200, Page.of(browser.list(ListParams.read(ctx::queryParam))));
    }

    /** The body of {@code GET /api/photos}: the photos as search results show them, without score or matches. */
    record Page(int total, long tookMs, List<ResultView> photos) {
        static Page of(PhotoList list) {
            return new Page(list.total(), list.tookMs(), list.photos().stream().map(ResultView::listed).toList());
        }
    }
}
