package dev.photosearch.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.photosearch.source.MediaLocation;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpFetcherTest {

    // Patient enough for a loaded CI machine; only the slow-server test uses the short timeouts.
    private static final Duration PATIENT = Duration.ofSeconds(10);
    private static final Duration SHORT = Duration.ofMillis(400);
    private static final MediaLimits LIMITS = new MediaLimits(4096, 100_000_000L, PATIENT, PATIENT, 64, 128);

    private final byte[] jpeg = TestImages.jpeg(40, 30);
    private final AtomicReference<String> userAgent = new AtomicReference<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService serverThreads = Executors.newCachedThreadPool();
    private HttpServer server;
    private HttpFetcher fetcher;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(serverThreads);
        server.createContext("/photo.jpg", exchange -> {
            userAgent.set(exchange.getRequestHeaders().getFirst("User-Agent"));
            respond(exchange, 200, "image/jpeg", jpeg);
        });
        server.createContext("/page", exchange -> respond(exchange, 200, "text/html; charset=utf-8", "<p>hi</p>".getBytes()));
        server.createContext("/gone", exchange -> respond(exchange, 404, "text/plain", "no".getBytes()));
        server.createContext("/busy", exchange -> respond(exchange, 503, "text/plain", "later".getBytes()));
        server.createContext("/too-many", exchange -> respond(exchange, 429, "text/plain", "later".getBytes()));
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "/photo.jpg");
            respond(exchange, 302, "text/plain", new byte[0]);
        });
        server.createContext("/declared-huge", exchange -> respond(exchange, 200, "image/jpeg", new byte[10_000]));
        server.createContext("/streamed-huge", streaming(10_000, 0));
        server.createContext("/trickle", streaming(1000, 250));
        server.createContext("/slow", exchange -> {
            await(release);
            respond(exchange, 200, "image/jpeg", jpeg);
        });
        server.start();
        fetcher = new HttpFetcher(LIMITS);
    }

    @AfterEach
    void stop() throws InterruptedException {
        release.countDown();
        server.stop(0);
        serverThreads.shutdownNow();
        assertTrue(serverThreads.awaitTermination(5, TimeUnit.SECONDS));
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private String problem(String path) {
        return assertThrows(MediaProblem.class, () -> fetcher.fetch(url(path))).getMessage();
    }

    @Test
    void fetchesAnImageWithOurUserAgent() throws MediaProblem {
        assertArrayEquals(jpeg, fetcher.fetch(url("/photo.jpg")));
        assertEquals("PhotoSearch/0.1", userAgent.get());
    }

    @Test
    void followsRedirects() throws MediaProblem {
        assertArrayEquals(jpeg, fetcher.fetch(url("/moved")));
    }

    @Test
    void refusesWhatIsNotAnImage() {
        assertEquals("not an image: text/html; charset=utf-8", problem("/page"));
        assertEquals("HTTP 404", problem("/gone"));
    }

    @Test
    void refusesBodiesOverTheCap() {
        assertEquals("larger than 4 KiB", problem("/declared-huge"));
        assertEquals("larger than 4 KiB", problem("/streamed-huge"));
    }

    @Test
    void givesUpOnSlowServers() {
        fetcher = new HttpFetcher(new MediaLimits(4096, 100_000_000L, SHORT, SHORT, 64, 128));
        long start = System.nanoTime();
        assertEquals("timed out after 400 ms", problem("/slow"));
        assertEquals("timed out after 400 ms", problem("/trickle"));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "gave up promptly");
    }

    @Test
    void serverErrorsTimeoutsAndRefusedConnectionsMayPassButMissingPicturesAreFinal() throws IOException {
        fetcher = new HttpFetcher(new MediaLimits(4096, 100_000_000L, SHORT, SHORT, 64, 128));
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        URI refused = URI.create("http://127.0.0.1:" + closedPort + "/photo.jpg");

        for (URI passing : List.of(url("/busy"), url("/too-many"), url("/slow"), refused)) {
            MediaProblem problem = assertThrows(MediaProblem.class, () -> fetcher.fetch(passing));
            assertEquals(TemporaryProblem.FETCH, problem.temporary(), passing + ": " + problem.getMessage());
        }
        for (String path : List.of("/gone", "/page", "/declared-huge")) {
            MediaProblem problem = assertThrows(MediaProblem.class, () -> fetcher.fetch(url(path)));
            assertNull(problem.temporary(), path + ": " + problem.getMessage());
        }
    }

    @Test
    void onlyFetchesHttp() {
        assertEquals("unsupported URL: file:///etc/passwd",
                assertThrows(MediaProblem.class, () -> fetcher.fetch(URI.create("file:///etc/passwd"))).getMessage());
        assertEquals("unsupported URL: ftp://example.com/a.jpg",
                assertThrows(MediaProblem.class, () -> fetcher.fetch(URI.create("ftp://example.com/a.jpg"))).getMessage());
    }

    @Test
    void loaderDecodesRemoteImagesIncludingVideoStills(@TempDir Path thumbs) {
        MediaLoader loader = new MediaLoader(thumbs, LIMITS);

        Media still = loader.load(TestImages.photo("ab0001", new MediaLocation.Remote(url("/photo.jpg")), true));
        Media page = loader.load(TestImages.photo("ab0002", new MediaLocation.Remote(url("/page"))));

        assertTrue(still.ok(), still.problem());
        assertEquals(40, still.facts().width());
        assertEquals("not an image: text/html; charset=utf-8", page.problem());
    }

    /** Sends {@code total} bytes of a JPEG content type with no declared length, pausing between chunks. */
    private HttpHandler streaming(int total, long pauseMillis) {
        return exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "image/jpeg");
            exchange.sendResponseHeaders(200, 0); // 0: chunked, length unknown
            try (OutputStream out = exchange.getResponseBody()) {
                for (int sent = 0; sent < total; sent += 100) {
                    out.write(new byte[100]);
                    out.flush();
                    if (pauseMillis > 0 && release.await(pauseMillis, TimeUnit.MILLISECONDS)) {
                        return;
                    }
                }
            } catch (IOException | InterruptedException e) {
                // the client hung up, which is what the test wants
            }
        };
    }

    private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
