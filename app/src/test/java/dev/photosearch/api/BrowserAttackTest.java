package dev.photosearch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The server attacked as a page on another site would, from the user's own browser: forms and no-cors fetches that
 * write (CSRF), a host name made to resolve to 127.0.0.1 (DNS rebinding), and what Jetty answers before the router.
 */
class BrowserAttackTest {

    @TempDir
    static Path home;

    static TestServer server;
    static int port;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.empty(home, ServerOptions.local(0).withRate(1000, 1000).withCors("http://localhost:5173"));
        port = server.server.port();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static String sourceBody(Path folder) {
        return TestServer.JSON.createObjectNode().put("source", folder.toString()).toString();
    }

    static RawHttp.Answer post(String headers, String body) throws Exception {
        return RawHttp.exchange(port, "POST", "/api/sources", headers, body);
    }

    static void assertJsonError(RawHttp.Answer answer, int status) throws Exception {
        assertEquals(status, answer.status(), answer.head() + "\n" + answer.body());
        assertTrue(answer.head().toLowerCase().contains("content-type: application/json"), answer.head());
        JsonNode body = TestServer.JSON.readTree(answer.body());
        assertTrue(body.has("error") && body.has("message"), answer.body());
        assertFalse(answer.body().contains("org.eclipse") || answer.body().contains("<html"), answer.body());
    }

    @Test
    void aTextPlainFormPostIsRefusedAndIndexesNothing() throws Exception {
        assertJsonError(post("Content-Type: text/plain\r\n", sourceBody(home)), 415);
        assertJsonError(post("", sourceBody(home)), 415);
        assertJsonError(RawHttp.exchange(port, "DELETE", "/api/sources?source=x", "", ""), 415);
        assertEquals(0, server.json("/api/sources").get("sources").size());
    }

    @Test
    void aForeignOriginCannotWriteEvenWithJson() throws Exception {
        for (String origin : new String[] {"http://evil.example", "null", "http://127.0.0.1:" + (port + 1),
            "https://127.0.0.1:" + port}) {
            assertJsonError(post("Origin: " + origin + "\r\nContent-Type: application/json\r\n", sourceBody(home)),
                    403);
        }
        assertJsonError(RawHttp.exchange(port, "DELETE", "/api/sources?source=x", "Origin: http://evil.example\r\n"
                + "Content-Type: application/json\r\n", ""), 403);
    }

    @Test
    void theOwnPageTheCorsOriginAndCurlMayWrite() throws Exception {
        Path missing = home.resolve("no-such-folder");
        // A 400 for the missing folder means the write got past every check.
        for (String origin : new String[] {"Origin: http://127.0.0.1:" + port + "\r\n",
            "Origin: http://localhost:5173\r\n", ""}) {
            assertJsonError(post(origin + "Content-Type: application/json; charset=utf-8\r\n", sourceBody(missing)),
                    400);
        }
        assertJsonError(RawHttp.exchange(port, "POST", "/api/sources", "Host: localhost:" + port + "\r\nOrigin: "
                + "http://localhost:" + port + "\r\nContent-Type: application/json\r\n", sourceBody(missing)), 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/search?q=x", "/", "/sources", "/metrics", "/api/health", "/api/openapi.json",
        "/api/photos/0123456789abcdef0123/image"})
    void aReboundHostNameIsRefusedOnEveryRoute(String path) throws Exception {
        assertJsonError(RawHttp.exchange(port, "GET", path, "Host: rebind.attacker.example:" + port + "\r\n", ""),
                421);
        assertJsonError(RawHttp.exchange(port, "GET", path, "Host: localhost:" + (port + 1) + "\r\n", ""), 421);
    }

    @Test
    void aReboundHostNameCannotRemoveASource() throws Exception {
        assertJsonError(RawHttp.exchange(port, "DELETE", "/api/sources?source=x", "Host: rebind.attacker.example:"
                + port + "\r\nContent-Type: application/json\r\n", ""), 421);
    }

    @Test
    void theLoopbackNamesAreAnsweredWithOrWithoutThePort() throws Exception {
        for (String host : new String[] {"127.0.0.1", "127.0.0.1:" + port, "localhost", "LOCALHOST:" + port,
            "[::1]", "[::1]:" + port}) {
            RawHttp.Answer answer = RawHttp.exchange(port, "GET", "/api/health", "Host: " + host + "\r\n", "");
            assertEquals(200, answer.status(), host + ": " + answer.body());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/photos/../..", "/api/photos/..", "/./api/health", "/api/photos/%2e%2e/x", "/api/photos/..%2F..%2Fetc", "/api/photos/%00", "/api/photos/%ff",
        "/api/photos/a%00b/image", "/../../etc/passwd", "/api/search?q=%zz", "/api/search?q=%ff",
        "/api/search?q=%"})
    void malformedAddressesAreJson400(String target) throws Exception {
        RawHttp.Answer answer = RawHttp.exchange(port, "GET", target, "", "");
        assertJsonError(answer, 400);
        assertFalse(answer.body().contains("root:"), answer.body());
    }

    @Test
    void aBrokenPercentEncodingIsNamedAsSuch() throws Exception {
        RawHttp.Answer answer = RawHttp.exchange(port, "GET", "/api/search?q=%zz", "", "");
        assertJsonError(answer, 400);
        assertTrue(answer.body().contains("percent-encoding"), answer.body());
    }

    @Test
    void aVeryLongQueryIsTheDocumented413() throws Exception {
        RawHttp.Answer answer = RawHttp.exchange(port, "GET", "/api/search?q=" + "a".repeat(20_000), "", "");
        assertJsonError(answer, 413);
        assertTrue(answer.body().contains("query_too_long"), answer.body());
        RawHttp.Answer huge = RawHttp.exchange(port, "GET", "/api/search?q=" + "a".repeat(100_000), "", "");
        assertTrue(huge.status() == 414 || huge.status() == 431, huge.head());
        assertJsonError(huge, huge.status());
    }

    @Test
    void aFiveMegabytePostIsA413() throws Exception {
        String body = "{\"source\": \"" + "a".repeat(5 * 1024 * 1024) + "\"}";
        assertJsonError(post("Content-Type: application/json\r\n", body), 413);
    }

    @Test
    void systemFoldersAreRefusedAsSourcesEvenThroughALink() throws Exception {
        for (String path : new String[] {"/", "/etc", "/usr/share/doc", "/proc/self", "/var/log", "/dev"}) {
            assertJsonError(post("Content-Type: application/json\r\n", sourceBody(Path.of(path))), 403);
        }
        Path link = Files.createSymbolicLink(home.resolve("innocent"), Path.of("/usr/share"));
        RawHttp.Answer linked = post("Content-Type: application/json\r\n", sourceBody(link));
        assertJsonError(linked, 403);
        assertTrue(linked.body().contains("system folder"), linked.body());
        assertEquals(0, server.json("/api/sources").get("sources").size());
    }
}
