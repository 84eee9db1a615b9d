package dev.photosearch.search;

import dev.photosearch.index.PhotoFilter;
import java.util.Locale;
import java.util.Objects;

/**
 * One page of a collection listed without a query, in date order.
 *
 * @param filter which photos are listed
 * @param order  newest or oldest first; photos without a date come last either way
 * @param offset photos to skip, at least 0
 * @param limit  photos in the page, at least 1
 */
public record ListRequest(PhotoFilter filter, Order order, int offset, int limit) {

    /** The date order of a listing, spelt {@code -date} (newest first) and {@code date} (oldest first). */
    public enum Order {
        NEWEST_FIRST("-date"), OLDEST_FIRST("date");

        private final String spelling;

        Order(String spelling) {
            this.spelling = spelling;
        }

        /** How the API and the command line write it. */
        public String spelling() {
            return spelling;
        }

        /** The order written {@code date} or {@code -date}; anything else is refused. */
        public static Order of(String spelling) {
            String wanted = spelling.strip().toLowerCase(Locale.ROOT);
            for (Order order : values()) {
                if (order.spelling.equals(wanted)) {
                    return order;
                }
            }
            throw new IllegalArgumentException("'sort' must be -date (newest first) or date (oldest first)");
        }
    }

    public ListRequest {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(order, "order");
        if (limit < 1 || offset < 0) {
            throw new IllegalArgumentException("limit must be at least 1 and offset at least 0");
        }
        if ((long) offset + limit > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("offset + limit is beyond " + Integer.MAX_VALUE);
        }
        if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
            throw new IllegalArgumentException("'from' is after 'to'");
        }
    }
}
