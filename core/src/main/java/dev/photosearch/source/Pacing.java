package dev.photosearch.source;

import java.time.Duration;
import java.util.Objects;

/**
 * How politely a collector talks to Instagram.
 *
 * @param requestBudget most requests one run may send (retries included); the run stops cleanly when spent
 * @param delay         pause between two requests
 * @param jitter        up to this much is added at random to each pause, so requests do not tick like a clock
 * @param retries       tries after a "too many requests" or server error before the run stops
 * @param backoff       first wait after such an answer; doubled on each further try
 * @param maxBackoff    longest wait accepted; a longer Retry-After stops the run instead
 * @param timeout       connect and response timeout of one request
 */
public record Pacing(int requestBudget, Duration delay, Duration jitter, int retries, Duration backoff,
                     Duration maxBackoff, Duration timeout) {

    /** 200 requests, 3–6 s apart, 4 retries from 30 s up to 10 min, 30 s timeout. */
    public static final Pacing DEFAULTS = new Pacing(200, Duration.ofSeconds(3), Duration.ofSeconds(3), 4,
            Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofSeconds(30));

    public Pacing {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(jitter, "jitter");
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(timeout, "timeout");
        if (requestBudget < 1 || retries < 0) {
            throw new IllegalArgumentException("need a budget of at least 1 request and retries >= 0");
        }
        if (delay.isNegative() || jitter.isNegative() || backoff.isNegative() || maxBackoff.isNegative()
                || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("durations must not be negative; the timeout must be positive");
        }
    }
}
