package dev.photosearch.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the collectors' requests, politely: a request budget, jittered pauses between requests, and exponential
 * backoff on "too many requests", "please wait a few minutes" and server errors, honouring Retry-After.
 * Redirects are not followed, so a redirect to the login page can be recognised. A host that cannot be reached at
 * all (unknown, refused, no route) gets one quick retry, then a {@link HostUnreachable}.
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
     * @param json    the parsed body; null when the body is not JSON
     * @param text    the body as text
     * @param headers the answer's headers
     */
    record Answer(int status, JsonNode json, String text, HttpHeaders headers) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The Location header of a redirect; null otherwise. */
        String location() {
            return headers.firstValue("Location").orElse(null);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(PoliteHttp.class);
    private static final String USER_AGENT = "Mozilla/5.0 (compatible; PhotoSearch/0.1)";
    /** A page of posts is well under 1 MiB; a bigger answer is not one. */
    private static final int MAX_BODY = 16 * 1024 * 1024;
    /** Connecting takes well under a second when the network works; waiting long only delays a clear error. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration QUICK_RETRY = Duration.ofSeconds(1);

    private final HttpClient client;
    private final Pacing pacing;
    private final Sleeper sleeper;
    private int sent;

    PoliteHttp(Pacing pacing, Sleeper sleeper) {
        this.pacing = pacing;
        this.sleeper = sleeper;
        Duration connect = pacing.timeout().compareTo(CONNECT_TIMEOUT) < 0 ? pacing.timeout() : CONNECT_TIMEOUT;
        this.client = HttpClient.newBuilder().connectTimeout(connect)
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
     * GETs JSON from {@code uri}; throws {@link CollectionStopped} when the budget is spent or the rate limit
     * outlasts the retries, and a {@link SourceException} when the server does not answer or answers a success
     * that is not JSON.
     */
    Answer get(URI uri, Map<String, String> headers) throws IOException {
        return requireJson(uri, send(request(uri, headers).GET()));
    }

    /** POSTs a form to {@code uri} and reads JSON back, like {@link #get}. */
    Answer post(URI uri, Map<String, String> headers, String form) throws IOException {
        return requireJson(uri, send(request(uri, headers).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))));
    }

    /** GETs a page that need not be JSON (an HTML profile page). */
    Answer getPage(URI uri, Map<String, String> headers) throws IOException {
        return send(request(uri, headers).GET());
    }

    private static Answer requireJson(URI uri, Answer answer) throws SourceException {
        if (answer.ok() && answer.json() == null) {
            throw new SourceException(uri.getHost() + " answered " + uri.getPath()
                    + " with something that is not JSON; Instagram may have changed its pages");
        }
        return answer;
    }

    private Answer send(HttpRequest.Builder builder) throws IOException {
        HttpRequest request = builder.build();
        URI uri = request.uri();
        Duration wait = sent == 0 ? Duration.ZERO : pause();
        for (int attempt = 0; ; attempt++) {
            if (sent >= pacing.requestBudget()) {
                throw CollectionStopped.budgetSpent(pacing.requestBudget());
            }
            sleep(wait);
            sent++;
            // Only the path is logged: query strings can carry an access token.
            LOG.debug("{} {} (request {}, try {})", request.method(), uri.getPath(), sent, attempt + 1);
            HttpResponse<InputStream> response;
            byte[] body;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream in = response.body()) {
                    body = in.readNBytes(MAX_BODY + 1);
                }
            } catch (IOException e) {
                wait = afterFailure(uri, e, attempt);
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
                return new Answer(response.statusCode(), json, new String(body, StandardCharsets.UTF_8),
                        response.headers());
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

    /** How long to wait before trying again after a request failed without an answer; throws when not to. */
    private Duration afterFailure(URI uri, IOException e, int attempt) throws SourceException {
        String unreachable = unreachable(e);
        if (unreachable != null) {
            // the network is down or the host blocked: one quick retry for a passing hiccup, then a clear stop
            if (attempt >= Math.min(1, pacing.retries())) {
                throw new HostUnreachable(uri.getHost(), unreachable, e);
            }
            return QUICK_RETRY;
        }
        if (attempt >= pacing.retries()) {
            if (e instanceof HttpTimeoutException) {
                throw new SourceException(uri.getHost() + " did not answer within "
                        + pacing.timeout().toMillis() / 1000.0 + " s, " + (attempt + 1) + " times; try again later");
            }
            throw new SourceException("lost the connection to " + uri.getHost() + " (" + e + "); try again later", e);
        }
        return backoff(attempt, null);
    }

    /** Why the host could not be reached at all; null when the failure came on an established connection. */
    static String unreachable(IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return "connection timed out";
        }
        String reason = null;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
                return "unknown host";
            }
            if (cause instanceof NoRouteToHostException) {
                return "no route to host";
            }
            if (cause instanceof ConnectException) {
                reason = "connection refused";
            }
        }
        return reason;
    }

    /** A request with the given headers; PhotoSearch's own User-Agent and JSON Accept unless they say otherwise. */
    private HttpRequest.Builder request(URI uri, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(pacing.timeout());
        if (headers.keySet().stream().noneMatch("User-Agent"::equalsIgnoreCase)) {
            builder.header("User-Agent", USER_AGENT);
        }
        if (headers.keySet().stream().noneMatch("Accept"::equalsIgnoreCase)) {
            builder.header("Accept", "application/json");
        }
        headers.forEach(builder::header);
        return builder;
    }

    /** Why to wait and try again, or null when the answer is final. */
    private static String retryReason(int status, JsonNode json) {
        if (status == 429) {
            return "HTTP 429 too many requests";
        }
        if (status >= 500) {
            return "server error " + status;
        }
        if (status == 401 || json == null || json.path("require_login").asBoolean(false)) {
            // Instagram says "please wait" on its login wall and on retired query ids too: waiting will not help
            return null;
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
