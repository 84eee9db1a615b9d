package dev.photosearch.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GETs JSON for the collectors, politely: a request budget, jittered pauses between requests, and exponential
 * backoff on "too many requests", "please wait a few minutes" and server errors, honouring Retry-After.
 * Redirects are not followed, so a redirect to the login page can be recognised.
 */
final class PoliteHttp {

    /** Waits; tests pass one that only records. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /**
     * One answer after retries.
     *
     * @param json     the parsed body; null when the body is not JSON
     * @param location the Location header of a redirect; null otherwise
     */
    record Answer(int status, JsonNode json, String location) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(PoliteHttp.class);
    private static final String USER_AGENT = "Mozilla/5.0 (compatible; PhotoSearch/0.1)";
    /** A page of posts is well under 1 MiB; a bigger answer is not one. */
    private static final int MAX_BODY = 16 * 1024 * 1024;

    private final HttpClient client;
    private final Pacing pacing;
    private final Sleeper sleeper;
    private int sent;

    PoliteHttp(Pacing pacing, Sleeper sleeper) {
        this.pacing = pacing;
        this.sleeper = sleeper;
        this.client = HttpClient.newBuilder().connectTimeout(pacing.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    PoliteHttp(Pacing pacing) {
        this(pacing, duration -> Thread.sleep(duration.toMillis()));
    }

    /** Requests sent so far, retries included. */
    int sent() {
        return sent;
    }

    /**
     * GETs {@code uri}; throws {@link CollectionStopped} when the budget is spent or the rate limit outlasts the
     * retries, and a {@link SourceException} when the server does not answer or answers with broken JSON.
     */
    Answer get(URI uri, Map<String, String> headers) throws IOException {
        Duration wait = sent == 0 ? Duration.ZERO : pause();
        for (int attempt = 0; ; attempt++) {
            if (sent >= pacing.requestBudget()) {
                throw CollectionStopped.budgetSpent(pacing.requestBudget());
            }
            sleep(wait);
            sent++;
            // Only the path is logged: query strings can carry an access token.
            LOG.debug("GET {} (request {}, try {})", uri.getPath(), sent, attempt + 1);
            HttpResponse<InputStream> response;
            byte[] body;
            try {
                response = client.send(request(uri, headers), HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream in = response.body()) {
                    body = in.readNBytes(MAX_BODY + 1);
                }
            } catch (HttpTimeoutException e) {
                if (attempt >= pacing.retries()) {
                    throw new SourceException(uri.getHost() + " did not answer within "
                            + pacing.timeout().toMillis() / 1000.0 + " s, " + (attempt + 1) + " times; try again later");
                }
                wait = backoff(attempt, null);
                continue;
            } catch (IOException e) {
                // a reset or refused connection is often passing; it stops the run cleanly when it lasts
                if (attempt >= pacing.retries()) {
                    throw new SourceException("cannot reach " + uri.getHost() + " (" + e + "); try again later", e);
                }
                wait = backoff(attempt, null);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SourceException("interrupted while talking to " + uri.getHost(), e);
            }
            if (body.length > MAX_BODY) {
                throw new SourceException(uri.getHost() + " answered with more than " + MAX_BODY / (1024 * 1024)
                        + " MiB; that is not an Instagram page");
            }
            JsonNode json = parse(body);
            String why = retryReason(response.statusCode(), json);
            if (why == null) {
                if (response.statusCode() / 100 == 2 && json == null) {
                    throw new SourceException(uri.getHost() + " answered " + uri.getPath()
                            + " with something that is not JSON; Instagram may have changed its pages");
                }
                return new Answer(response.statusCode(), json,
                        response.headers().firstValue("Location").orElse(null));
            }
            String retryAfter = response.headers().firstValue("Retry-After").orElse(null);
            if (attempt >= pacing.retries()) {
                throw CollectionStopped.rateLimited(why + ", " + (attempt + 1) + " times");
            }
            wait = backoff(attempt, retryAfter);
            if (wait.compareTo(pacing.maxBackoff()) > 0) {
                throw CollectionStopped.rateLimited(why + ", asked to wait " + wait.toSeconds() + " s");
            }
            LOG.info("{}: {}; waiting {} s before trying again", uri.getHost(), why, wait.toSeconds());
        }
    }

    private HttpRequest request(URI uri, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(pacing.timeout()).GET()
                .header("User-Agent", USER_AGENT).header("Accept", "application/json");
        headers.forEach(builder::header);
        return builder.build();
    }

    /** Why to wait and try again, or null when the answer is final. */
    private static String retryReason(int status, JsonNode json) {
        if (status == 429) {
            return "HTTP 429 too many requests";
        }
        if (status >= 500) {
            return "server error " + status;
        }
        if (json == null || json.path("require_login").asBoolean(false)) {
            return null; // Instagram says "please wait" on its login wall too: waiting will not help there
        }
        String message = json.path("message").asText("").toLowerCase(Locale.ROOT);
        return message.contains("wait a few minutes") ? "\"please wait a few minutes\"" : null;
    }

    /** The longer of Retry-After (seconds) and the exponential backoff. */
    private Duration backoff(int attempt, String retryAfter) {
        Duration exponential = pacing.backoff().multipliedBy(1L << Math.min(attempt, 20));
        if (retryAfter != null) {
            try {
                Duration asked = Duration.ofSeconds(Long.parseLong(retryAfter.trim()));
                return asked.compareTo(exponential) > 0 ? asked : exponential;
            } catch (NumberFormatException e) {
                // an HTTP date: rare from Instagram; the exponential backoff stands in for it
            }
        }
        return exponential;
    }

    private Duration pause() {
        long jitter = pacing.jitter().toMillis();
        return pacing.delay().plusMillis(jitter <= 0 ? 0 : ThreadLocalRandom.current().nextLong(jitter + 1));
    }

    private void sleep(Duration duration) throws SourceException {
        if (duration.isZero()) {
            return;
        }
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException("interrupted while waiting between requests", e);
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? null : JsonInput.MAPPER.readTree(body);
        } catch (IOException e) {
            return null; // not JSON: the caller says so when it expected JSON
        }
    }
}
