package dev.photosearch.search;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** A date such as 2023-05-31 as the whole day in UTC: how the API and the command line read their date filters. */
public final class Days {

    private Days() {}

    /** The day's first instant. */
    public static Instant start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The day's last second, inclusive, as the index compares whole seconds. */
    public static Instant end(LocalDate day) {
        return start(day.plusDays(1)).minusSeconds(1);
    }
}
