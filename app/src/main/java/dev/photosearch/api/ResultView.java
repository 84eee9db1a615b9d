package dev.photosearch.api;

import dev.photosearch.search.Hit;
import dev.photosearch.search.Interpretation;
import dev.photosearch.search.SearchResults;
import dev.photosearch.source.Photo;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One search result as the API shows it; {@code likely} is left out of similar photos. */
record ResultView(String id, String path, double score, String description, String caption, Instant takenAt,
        String source, String thumbnailUrl, String imageUrl, String permalink, Map<String, Integer> matched,
        Boolean likely) {

    /** A similar photo. */
    static ResultView of(Hit hit) {
        return of(hit, null);
    }

    private static ResultView of(Hit hit, Boolean likely) {
        Photo photo = hit.photo().photo();
        PhotoUrls urls = PhotoUrls.of(hit.photo());
        return new ResultView(photo.id(), photo.path(), Math.round(hit.score() * 10000) / 10000.0,
                hit.photo().description().summary(), photo.caption(), photo.takenAt(), photo.source(),
                urls.thumbnailUrl(), urls.imageUrl(), photo.permalink(), hit.matched(), likely);
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
