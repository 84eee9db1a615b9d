package dev.photosearch.api;

import dev.photosearch.index.IndexedPhoto;
import dev.photosearch.search.Hit;
import dev.photosearch.search.Interpretation;
import dev.photosearch.search.SearchResults;
import dev.photosearch.source.Photo;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One search result as the API shows it. A listed photo has no score, matches or {@code likely}, and a similar photo
 * no {@code likely} (each left out of the JSON).
 */
record ResultView(String id, String path, Double score, String description, String caption, Instant takenAt,
        String source, String thumbnailUrl, String imageUrl, String permalink, Map<String, Integer> matched,
        Boolean likely) {

    /** A similar photo. */
    static ResultView of(Hit hit) {
        return of(hit, null);
    }

    /** A photo listed without a query. */
    static ResultView listed(IndexedPhoto entry) {
        return of(entry, null, null, null);
    }

    private static ResultView of(Hit hit, Boolean likely) {
        return of(hit.photo(), Math.round(hit.score() * 10000) / 10000.0, hit.matched(), likely);
    }

    private static ResultView of(IndexedPhoto entry, Double score, Map<String, Integer> matched, Boolean likely) {
        Photo photo = entry.photo();
        PhotoUrls urls = PhotoUrls.of(entry);
        return new ResultView(photo.id(), photo.path(), score, entry.description().summary(), photo.caption(),
                photo.takenAt(), photo.source(), urls.thumbnailUrl(), urls.imageUrl(), photo.permalink(), matched,
                likely);
    }

    /** The body of {@code GET /api/search}. */
    record Page(String query, int candidates, int matches, long tookMs, Interpreted interpreted,
            List<ResultView> results) {
        static Page of(SearchResults results) {
            return new Page(results.query(), results.candidates(), results.matches(), results.tookMs(),
                    Interpreted.of(results.interpreted()),
                    results.hits().stream().map(hit -> ResultView.of(hit, hit.likely())).toList());
        }
    }

    /** What was read in the query: the date interval, the place, the words left, and where each reading lies. */
    record Interpreted(Instant from, Instant to, String place, String words, List<Span> spans) {
        static Interpreted of(Interpretation reading) {
            return new Interpreted(reading.from(), reading.to(), reading.place(), reading.words(),
                    reading.spans().stream().map(Span::of).toList());
        }
    }

    /** One reading: {@code date} or {@code place}, its chars {@code [start, end)} in the query, and their text. */
    record Span(String kind, int start, int end, String text) {
        static Span of(Interpretation.Span span) {
            return new Span(span.kind().name().toLowerCase(Locale.ROOT), span.start(), span.end(), span.text());
        }
    }
}
