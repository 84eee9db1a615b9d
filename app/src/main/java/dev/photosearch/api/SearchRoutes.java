package dev.photosearch.api;

import dev.photosearch.search.Hit;
import dev.photosearch.search.PhotoSearcher;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** {@code /api/search}, {@code /api/photos/{id}} and {@code /api/photos/{id}/similar}. */
final class SearchRoutes {

    private static final int DEFAULT_SIMILAR = 12;

    private final PhotoSearcher searcher;
    private final PhotoLookup photos;

    SearchRoutes(PhotoSearcher searcher, PhotoLookup photos) {
        this.searcher = searcher;
        this.photos = photos;
    }

    void search(Context ctx) throws IOException {
        Json.send(ctx, 200, ResultView.Page.of(searcher.search(SearchParams.read(ctx))));
    }

    void photo(Context ctx) throws IOException {
        Json.send(ctx, 200, PhotoView.of(photos.require(ctx)));
    }

    void similar(Context ctx) throws IOException {
        String id = PhotoLookup.id(ctx);
        int limit = SearchParams.integer(ctx::queryParam, "limit", DEFAULT_SIMILAR, 1, SearchParams.MAX_LIMIT);
        List<Hit> hits = searcher.similar(id, limit)
                .orElseThrow(() -> ApiException.notFound("no photo with id " + id));
        Json.send(ctx, 200, Map.of("id", id, "results", hits.stream().map(ResultView::of).toList()));
    }
}
