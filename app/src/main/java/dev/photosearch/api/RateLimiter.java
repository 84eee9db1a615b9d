package dev.photosearch.api;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/** A token bucket per client address: {@code burst} requests at once, refilled at {@code perSecond}. */
final class RateLimiter {

    /** Buckets idle this long are full again and are dropped, so the map stays small. */
    private static final long IDLE_NANOS = 60_000_000_000L;
    private static final int SWEEP_ABOVE = 10_000;

    private final double perNano;
    private final int burst;
    private final LongSupplier clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(double perSecond, int burst, LongSupplier nanoClock) {
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.clock = nanoClock;
    }

    /** Takes one token for {@code client}; false when its bucket is empty. */
    boolean allow(String client) {
        long now = clock.getAsLong();
        if (buckets.size() > SWEEP_ABOVE) {
            buckets.values().removeIf(b -> b.idleSince(now) > IDLE_NANOS);
        }
        return buckets.computeIfAbsent(client, c -> new Bucket(burst, now)).take(now, perNano, burst);
    }

    /** Tokens left and when they were counted. */
    private static final class Bucket {
        private double tokens;
        private long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }

        synchronized boolean take(long now, double perNano, int burst) {
            tokens = Math.min(burst, tokens + (now - at) * perNano);
            at = now;
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }

        synchronized long idleSince(long now) {
            return now - at;
        }
    }
}
