package dev.photosearch.api;

import dev.photosearch.index.PhotoFilter;
import dev.photosearch.search.ListRequest;
import java.util.function.UnaryOperator;

/** Reads and checks the query parameters of {@code GET /api/photos}: the filters and page of a search, and an order. */
final class ListParams {

    private ListParams() {}

    /** The listing asked for, from its query parameters looked up by name (null when absent). */
    static ListRequest read(UnaryOperator<String> params) {
        int limit = SearchParams.integer(params, "limit", SearchParams.DEFAULT_LIMIT, 1, SearchParams.MAX_LIMIT);
        int offset = SearchParams.integer(params, "offset", 0, 0, SearchParams.MAX_OFFSET);
        PhotoFilter filter = new PhotoFilter(SearchParams.source(params), SearchParams.date(params, "from", false),
                SearchParams.date(params, "to", true));
        String sort = params.apply("sort");
        try {
            return new ListRequest(filter,
                    sort == null || sort.isBlank() ? ListRequest.Order.NEWEST_FIRST : ListRequest.Order.of(sort),
                    offset, limit);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }
}
