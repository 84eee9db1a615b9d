package dev.photosearch.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.photosearch.source.FakeInstagram.Reply;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pauses, budget, backoff and Retry-After, with a sleeper that records instead of waiting. */
class PoliteHttpTest {

    FakeInstagram fake;
    final List<Duration> slept = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        fake = new FakeInstagram("someone");
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private PoliteHttp http(int budget, Duration delay, Duration jitter, int retries, Duration backoff) {
        return new PoliteHttp(new Pacing(budget, delay, jitter, retries, backoff, Duration.ofMinutes(10),
                Duration.ofSeconds(5)), slept::add);
    }

    private URI uri(String path) {
        return fake.base().resolve(path);
    }

    @Test
    void pausesBetweenRequestsWithJitterButNotBeforeTheFirst() throws IOException {
        PoliteHttp http = http(10, Duration.ofSeconds(3), Duration.ofSeconds(2), 0, Duration.ZERO);

        for (int i = 0; i < 5; i++) {
            assertEquals(404, http.get(uri("/nothing"), Map.of()).status());
        }

        assertEquals(4, slept.size());
        for (Duration pause : slept) {
            assertTrue(pause.compareTo(Duration.ofSeconds(3)) >= 0 && pause.compareTo(Duration.ofSeconds(5)) <= 0,
                    pause.toString());
        }
    }

    @Test
    void backsOffExponentiallyAndHonoursALongerRetryAfter() throws IOException {
        fake.script("/x", Reply.of(429, ""), Reply.of(503, ""), Reply.of(429, "").withHeader("Retry-After", "100"),
                Reply.of(200, "{\"ok\":true}"));
        PoliteHttp http = http(10, Duration.ZERO, Duration.ZERO, 4, Duration.ofSeconds(10));

        PoliteHttp.Answer answer = http.get(uri("/x"), Map.of());

        assertTrue(answer.json().path("ok").asBoolean());
        assertEquals(List.of(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(100)), slept);
        assertEquals(4, http.sent());
    }

    @Test
    void pleaseWaitAFewMinutesIsARateLimitToo() throws IOException {
        fake.script("/x", Reply.of(400, "{\"message\":\"Please wait a few minutes before you try again.\","
                + "\"status\":\"fail\"}"), Reply.of(200, "{}"));

        PoliteHttp http = http(10, Duration.ZERO, Duration.ZERO, 2, Duration.ofSeconds(30));

        assertEquals(200, http.get(uri("/x"), Map.of()).status());
        assertEquals(List.of(Duration.ofSeconds(30)), slept);
    }

    @Test
    void aRetryAfterBeyondTheLongestWaitStopsAtOnce() {
        fake.script("/x", Reply.of(429, "").withHeader("Retry-After", "3600"));

        CollectionStopped e = assertThrows(CollectionStopped.class,
                () -> http(10, Duration.ZERO, Duration.ZERO, 4, Duration.ofSeconds(1)).get(uri("/x"), Map.of()));

        assertTrue(e.getMessage().contains("asked to wait 3600 s"), e.getMessage());
        assertEquals(List.of(), slept);
    }

    @Test
    void theBudgetCountsRetriesAndStopsTheRun() throws IOException {
        fake.script("/x", Reply.of(429, ""));
        PoliteHttp http = http(2, Duration.ZERO, Duration.ZERO, 4, Duration.ZERO);

        http.get(uri("/x"), Map.of());
        CollectionStopped e = assertThrows(CollectionStopped.class, () -> http.get(uri("/x"), Map.of()));

        assertTrue(e.getMessage().contains("request budget of this run (2) is spent"), e.getMessage());
        assertEquals(2, fake.requests().size());
    }

    @Test
    void redirectsAreNotFollowed() throws IOException {
        fake.script("/x", Reply.of(302, "").withHeader("Location", "/accounts/login/?next=/x"));

        PoliteHttp.Answer answer = http(10, Duration.ZERO, Duration.ZERO, 0, Duration.ZERO).get(uri("/x"), Map.of());

        assertEquals(302, answer.status());
        assertEquals("/accounts/login/?next=/x", answer.location());
        assertEquals(1, fake.requests().size());
    }

    @Test
    void aPageThatIsNotJsonIsAClearError() {
        fake.script("/x", Reply.of(200, "<html><body>Login • Instagram</body></html>"));

        SourceException e = assertThrows(SourceException.class,
                () -> http(10, Duration.ZERO, Duration.ZERO, 0, Duration.ZERO).get(uri("/x"), Map.of()));

        assertTrue(e.getMessage().contains("not JSON"), e.getMessage());
    }

    @Test
    void aRefusedConnectionGetsOneQuickRetryThenOneLine() throws IOException {
        URI closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/x");
        }
        PoliteHttp http = http(10, Duration.ZERO, Duration.ZERO, 4, Duration.ofSeconds(30));

        HostUnreachable e = assertThrows(HostUnreachable.class, () -> http.get(closed, Map.of()));

        assertEquals("cannot reach 127.0.0.1: connection refused", e.getMessage());
        assertEquals(List.of(Duration.ofSeconds(1)), slept, "one quick retry, not the backoff of a rate limit");
        assertEquals(2, http.sent());
    }

    @Test
    void anUnknownHostIsUnreachableToo() {
        PoliteHttp http = http(10, Duration.ZERO, Duration.ZERO, 4, Duration.ofSeconds(30));

        HostUnreachable e = assertThrows(HostUnreachable.class,
                () -> http.get(URI.create("http://www.instagram.invalid/x"), Map.of()));

        assertEquals("cannot reach www.instagram.invalid: unknown host", e.getMessage());
        assertEquals(2, http.sent());
    }

    @Test
    void aFormIsPostedWithItsContentType() throws IOException {
        PoliteHttp http = http(10, Duration.ZERO, Duration.ZERO, 0, Duration.ZERO);

        http.post(uri("/form"), Map.of("X-Test", "1"), "a=1&b=%7B%7D");

        FakeInstagram.Request request = fake.requests().get(0);
        assertEquals("POST", request.method());
        assertEquals("a=1&b=%7B%7D", request.body());
        assertEquals("application/x-www-form-urlencoded", request.headers().get("content-type"));
        assertEquals("1", request.headers().get("x-test"));
    }
}
