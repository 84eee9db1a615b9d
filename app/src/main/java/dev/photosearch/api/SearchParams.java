package dev.photosearch.api;

import dev.photosearch.search.Days;
import dev.photosearch.search.Interpretation;
import dev.photosearch.search.PhotoSearcher;
import dev.photosearch.search.SearchRequest;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Reads and checks the query parameters of {@code GET /api/search}; {@link ListParams} reuses its checks. */
final class SearchParams {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    /** Deep pages cost a search each; nobody reads result 10,000. */
    static final int MAX_OFFSET = 10_000;
    private static final int MAX_SOURCE_CHARS = 2_000;

    private SearchParams() {}

    /**
     * The request; a query longer than {@link PhotoSearcher#MAX_QUERY_CHARS} is refused with 413 rather than
     * silently cut, so a client knows its words were not all searched.
     */
    static SearchRequest read(Context ctx) {
        return read(ctx::queryParam);
    }

    /** The request from its query parameters, each looked up by name (the first value, or null when absent). */
    static SearchRequest read(UnaryOperator<String> params) {
        String q = params.apply("q");
        if (q == null || q.isBlank()) {
            throw ApiException.badRequest("the query 'q' is empty");
        }
        if (q.length() > PhotoSearcher.MAX_QUERY_CHARS) {
            throw new ApiException(413, "query_too_long",
                    "the query has " + q.length() + " characters; at most " + PhotoSearcher.MAX_QUERY_CHARS);
        }
        int limit = integer(params, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        int offset = integer(params, "offset", 0, 0, MAX_OFFSET);
        String source = source(params);
        Instant from = date(params, "from", false);
        Instant to = date(params, "to", true);
        try {
            return new SearchRequest(q, limit, offset, source, from, to, sort(params.apply("sort")),
                    literal(params.apply("literal")));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    /** An optional whole number parameter within [min, max]. */
    static int integer(UnaryOperator<String> params, String name, int fallback, int min, int max) {
        String value = params.apply(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n < min || n > max) {
                throw ApiException.badRequest("'" + name + "' must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("'" + name + "' must be a whole number");
        }
    }

    /** The source key to keep; null for all. */
    static String source(UnaryOperator<String> params) {
        String source = params.apply("source");
        if (source != null && source.length() > MAX_SOURCE_CHARS) {
            throw ApiException.badRequest("'source' is too long");
        }
        return source == null || source.isBlank() ? null : source;
    }

    /** {@code 2024-05-01} (the whole day, UTC) or an instant such as {@code 2024-05-01T10:00:00Z}. */
    static Instant date(UnaryOperator<String> params, String name, boolean endOfDay) {
        String value = params.apply(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return endOfDay ? Days.end(day) : Days.start(day);
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("'" + name + "' must be a date like 2024-05-31 or an instant like "
                    + "2024-05-31T18:00:00Z");
        }
    }

    /** {@code date,place}: the readings of the query the user undid, searched as words. */
    private static Set<Interpretation.Kind> literal(String value) {
        Set<Interpretation.Kind> kinds = EnumSet.noneOf(Interpretation.Kind.class);
        for (String name : value == null ? new String[0] : value.split(",")) {
            if (!name.isBlank()) {
                try {
                    kinds.add(Interpretation.Kind.valueOf(name.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw ApiException.badRequest("'literal' is a list of date and place");
                }
            }
        }
        return kinds;
    }

    private static SearchRequest.Sort sort(String value) {
        if (value == null || value.isBlank()) {
            return SearchRequest.Sort.RELEVANCE;
        }
        try {
            return SearchRequest.Sort.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("'sort' must be relevance or date");
        }
    }
}
