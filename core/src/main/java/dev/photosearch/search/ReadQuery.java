package dev.photosearch.search;

import dev.photosearch.index.PhotoFilter;
import java.time.Instant;

/**
 * A request with what its query says read by {@link QueryInterpreter}: the words the signals search, and the photos
 * they look at.
 *
 * @param words  what the signals search: the words left, with the place's name (captions name places too, and an
 *               Instagram export has no place field); empty when the query only said a date
 * @param filter the photos searched: the request's source, and the narrower of its dates and the query's
 * @param none   true when the query's dates and the request's do not overlap, so no photo can match
 */
record ReadQuery(String words, PhotoFilter filter, boolean none) {

    static ReadQuery of(SearchRequest request, Interpretation reading) {
        Instant from = later(request.from(), reading.from());
        Instant to = earlier(request.to(), reading.to());
        PhotoFilter filter = new PhotoFilter(request.source(), from, to);
        return new ReadQuery(reading.wordsWithPlace(), filter.none() ? PhotoFilter.NONE : filter,
                from != null && to != null && from.isAfter(to));
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }
}
