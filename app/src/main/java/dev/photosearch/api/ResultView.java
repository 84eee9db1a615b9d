package dev.photosearch.api;

import dev.photosearch.search.Hit;
import dev.photosearch.search.SearchResults;
import dev.photosearch.source.Photo;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One search result as the API shows it. */
record ResultView(String id, String path, double score, String description, String caption, Instant takenAt,
        String source, String thumbnailUrl, String imageUrl, String permalink, Map<String, Integer> matched) {

    static ResultView of(Hit hit) {
        Photo photo = hit.photo().photo();
        PhotoUrls urls = PhotoUrls.of(hit.photo());
        return new ResultView(photo.id(), photo.path(), Math.round(hit.score() * 10000) / 10000.0,
                hit.photo().description().summary(), photo.caption(), photo.takenAt(), photo.source(),
                urls.thumbnailUrl(), urls.imageUrl(), photo.permalink(), hit.matched());
    }

    /** The body of {@code GET /api/search}. */
    record Page(String query, int total, long tookMs, List<ResultView> results) {
        static Page of(SearchResults results) {
            return new Page(results.query(), results.total(), results.tookMs(),
                    results.hits().stream().map(ResultView::of).toList());
        }
    }
}
