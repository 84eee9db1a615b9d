package dev.photosearch.api;

import dev.photosearch.index.IndexedPhoto;
import dev.photosearch.search.Hit;
import dev.photosearch.search.SearchResults;
import dev.photosearch.source.Photo;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One search result as the API shows it; a listed photo is shown the same way without score and matches. */
record ResultView(String id, String path, Double score, String description, String caption, Instant takenAt,
        String source, String thumbnailUrl, String imageUrl, String permalink, Map<String, Integer> matched) {

    static ResultView of(Hit hit) {
        return of(hit.photo(), Math.round(hit.score() * 10000) / 10000.0, hit.matched());
    }

    /** A photo listed without a query: no score, nothing matched (both left out of the JSON). */
    static ResultView listed(IndexedPhoto entry) {
        return of(entry, null, null);
    }

    private static ResultView of(IndexedPhoto entry, Double score, Map<String, Integer> matched) {
        Photo photo = entry.photo();
        PhotoUrls urls = PhotoUrls.of(entry);
        return new ResultView(photo.id(), photo.path(), score, entry.description().summary(), photo.caption(),
                photo.takenAt(), photo.source(), urls.thumbnailUrl(), urls.imageUrl(), photo.permalink(), matched);
    }

    /** The body of {@code GET /api/search}. */
    record Page(String query, int total, long tookMs, List<ResultView> results) {
        static Page of(SearchResults results) {
            return new Page(results.query(), results.total(), results.tookMs(),
                    results.hits().stream().map(ResultView::of).toList());
        }
    }
}
