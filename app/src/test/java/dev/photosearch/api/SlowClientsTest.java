package dev.photosearch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slow bodies (the slowloris: a POST that promises a body and sends a byte now and then) hold no thread:
 * with more of them open than the server has threads, the health check still answers, and a body that trickles is
 * cut off.
 */
class SlowClientsTest {

    static final int SLOW = ServerLimits.MAX_THREADS + 36;

    @TempDir
    Path home;

    static String slowHead(int port) {
        return "POST /api/sources HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: 1000\r\n\r\n{";
    }

    @Test
    void theHealthCheckAnswersWhileMoreSlowBodiesThanThreadsAreOpen() throws Exception {
        List<RawHttp> slow = new ArrayList<>();
        try (TestServer server = TestServer.empty(home, ServerOptions.local(0))) {
            int port = server.server.port();
            for (int i = 0; i < SLOW; i++) {
                RawHttp connection = new RawHttp("127.0.0.1", port);
                slow.add(connection);
                connection.write(slowHead(port));
            }
            HttpResponse<String> health = server.http.send(HttpRequest.newBuilder(URI.create(server.base()
                    + "/api/health")).timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), health.body());
            long threads = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("photosearch-http")).count();
            assertTrue(threads <= ServerLimits.MAX_THREADS, threads + " server threads");
        } finally {
            for (RawHttp connection : slow) {
                connection.close();
            }
        }
    }

    /** Cut off for its slow rate, with the API's JSON error. */
    @Test
    void aBodyThatTricklesInIsCutOff() throws Exception {
        try (TestServer server = TestServer.empty(home, ServerOptions.local(0));
                RawHttp connection = new RawHttp("127.0.0.1", server.server.port())) {
            connection.write(slowHead(server.server.port()));
            long start = System.nanoTime();
            RawHttp.Answer answer = null;
            for (int i = 0; i < 20 && answer == null; i++) {
                Thread.sleep(1_500);
                try {
                    connection.write(" ");
                } catch (java.io.IOException e) {
                    break;
                }
                answer = connection.readIfAny();
            }
            assertTrue(answer != null, "still reading after 30 s");
            assertEquals(408, answer.status(), answer.head());
            assertTrue(answer.body().contains("\"error\":\"request_timeout\""), answer.body());
            assertTrue(System.nanoTime() - start < 15_000_000_000L, "cut off after more than 15 s");
            assertEquals(0, server.json("/api/sources").get("sources").size());
        }
    }
}
