package dev.photosearch.api;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Request counts and latency histograms per route, written in the Prometheus text format (version 0.0.4) with the
 * gauges the server adds (index size, jobs).
 */
final class Metrics {

    /** Histogram upper bounds in seconds. */
    static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};

    private final Map<String, AtomicLong> requests = new ConcurrentHashMap<>();
    private final Map<String, Histogram> latency = new ConcurrentHashMap<>();

    /** Records one answered request; {@code route} is the matched route pattern, never the raw path. */
    void record(String method, String route, int status, double seconds) {
        requests.computeIfAbsent(labels("method", method, "route", route, "status", Integer.toString(status)),
                k -> new AtomicLong()).incrementAndGet();
        latency.computeIfAbsent(labels("route", route), k -> new Histogram()).observe(seconds);
    }

    /** The exposition text; {@code gauges} maps a metric line prefix (name and labels) to its value. */
    String scrape(Map<String, Map<String, Number>> gauges) {
        StringBuilder out = new StringBuilder();
        out.append("# HELP photosearch_http_requests_total HTTP requests answered.\n");
        out.append("# TYPE photosearch_http_requests_total counter\n");
        new TreeMap<>(requests).forEach((labels, n) ->
                out.append("photosearch_http_requests_total{").append(labels).append("} ").append(n.get()).append('\n'));
        out.append("# HELP photosearch_http_request_duration_seconds Time to answer HTTP requests.\n");
        out.append("# TYPE photosearch_http_request_duration_seconds histogram\n");
        new TreeMap<>(latency).forEach((labels, h) -> h.write(out, "photosearch_http_request_duration_seconds", labels));
        gauges.forEach((name, values) -> {
            out.append("# TYPE ").append(name).append(" gauge\n");
            values.forEach((labels, value) -> out.append(name).append(labels.isEmpty() ? "" : "{" + labels + "}")
                    .append(' ').append(value).append('\n'));
        });
        return out.toString();
    }

    /** {@code a="x",b="y"} with values escaped as the format asks. */
    static String labels(String... pairs) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (i > 0) {
                out.append(',');
            }
            String value = pairs[i + 1].replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
            out.append(pairs[i]).append("=\"").append(value).append('"');
        }
        return out.toString();
    }

    /** Cumulative bucket counts, sum and count of one route's latencies. */
    private static final class Histogram {
        private final AtomicLongArray counts = new AtomicLongArray(BUCKETS.length);
        private final AtomicLong count = new AtomicLong();
        private final AtomicLong sumMicros = new AtomicLong();

        void observe(double seconds) {
            for (int i = 0; i < BUCKETS.length; i++) {
                if (seconds <= BUCKETS[i]) {
                    counts.incrementAndGet(i);
                }
            }
            count.incrementAndGet();
            sumMicros.addAndGet(Math.round(seconds * 1e6));
        }

        void write(StringBuilder out, String name, String labels) {
            for (int i = 0; i < BUCKETS.length; i++) {
                out.append(name).append("_bucket{").append(labels).append(",le=\"")
                        .append(String.format(Locale.ROOT, "%s", BUCKETS[i])).append("\"} ").append(counts.get(i))
                        .append('\n');
            }
            out.append(name).append("_bucket{").append(labels).append(",le=\"+Inf\"} ").append(count.get()).append('\n');
            out.append(name).append("_sum{").append(labels).append("} ")
                    .append(String.format(Locale.ROOT, "%.6f", sumMicros.get() / 1e6)).append('\n');
            out.append(name).append("_count{").append(labels).append("} ").append(count.get()).append('\n');
        }
    }
}
