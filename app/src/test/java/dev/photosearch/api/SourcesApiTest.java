package dev.photosearch.api;

import static dev.photosearch.api.ApiServerTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Adding sources through the API, following the job by SSE, and who may do it. */
class SourcesApiTest {

    @TempDir
    Path dir;

    static final String TOKEN = "s3cret-token";

    private Path folderOfPictures() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("pictures"));
        draw(folder.resolve("red-bicycle-in-the-street.png"), Color.RED);
        draw(folder.resolve("blue-sailing-boat.png"), Color.BLUE);
        return folder;
    }

    private static void draw(Path file, Color colour) throws Exception {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, 64, 48);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    @Test
    void aPostedSourceIsIndexedInAJobWhoseEventsEndWithTheReport() throws Exception {
        Path folder = folderOfPictures();
        try (TestServer server = TestServer.empty(dir.resolve("home"), ServerOptions.local(0).withToken(TOKEN))) {
            assertEquals(0, server.json("/api/health").get("photos").asInt());
            HttpResponse<String> posted = server.post("/api/sources",
                    TestServer.JSON.createObjectNode().put("source", folder.toString()).toString(), TOKEN);
            assertEquals(202, posted.statusCode(), posted.body());
            String jobId = TestServer.body(posted).get("id").asText();
            assertEquals("/api/jobs/" + jobId, posted.headers().firstValue("Location").orElseThrow());

            HttpResponse<java.util.stream.Stream<String>> events = server.http.send(
                    HttpRequest.newBuilder(URI.create(server.base() + "/api/jobs/" + jobId + "/events"))
                            .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(60)).GET().build(),
                    HttpResponse.BodyHandlers.ofLines());
            assertEquals(200, events.statusCode());
            String type = events.headers().firstValue("Content-Type").orElseThrow();
            assertTrue(type.startsWith("text/event-stream"), type);
            List<String> lines = events.body().collect(Collectors.toList());
            assertTrue(lines.contains("event: end"), lines.toString());
            String endData = lines.get(lines.indexOf("event: end") + 1);
            JsonNode end = TestServer.JSON.readTree(endData.substring("data: ".length()));
            assertEquals("done", end.get("state").asText(), endData);
            assertEquals(2, end.get("report").get("added").asInt());

            JsonNode job = server.json("/api/jobs/" + jobId);
            assertEquals("done", job.get("state").asText());
            assertEquals(2, job.get("done").asInt());
            assertEquals(2, server.json("/api/health").get("photos").asInt(), "the searcher sees the commit");
            JsonNode hit = server.json("/api/search?q=bicycle&limit=1").get("results").get(0);
            assertEquals("red-bicycle-in-the-street.png", hit.get("path").asText());
            JsonNode sources = server.json("/api/sources").get("sources");
            assertEquals("folder:" + folder.toAbsolutePath().normalize(), sources.get(0).get("source").asText());
            assertEquals(2, sources.get(0).get("photos").asInt());
            String image = "/api/photos/" + hit.get("id").asText() + "/image";
            assertEquals(Files.size(folder.resolve("red-bicycle-in-the-street.png")),
                    server.bytes(image).body().length);
        }
    }

    @Test
    void aJobThatCouldNotWriteThumbnailsReportsThePhotosToRetry() throws Exception {
        Path folder = folderOfPictures();
        Path home = Files.createDirectories(dir.resolve("home"));
        // A file where the folder should be: root can write into a read-only folder, but not into a file.
        Files.writeString(home.resolve("thumbnails"), "in the way");
        try (TestServer server = TestServer.empty(home, ServerOptions.local(0))) {
            HttpResponse<String> posted = server.post("/api/sources",
                    TestServer.JSON.createObjectNode().put("source", folder.toString()).toString(), null);
            assertEquals(202, posted.statusCode(), posted.body());
            String jobId = TestServer.body(posted).get("id").asText();
            JsonNode job = server.json("/api/jobs/" + jobId);
            for (int i = 0; i < 600 && !job.get("state").asText().equals("done"); i++) {
                Thread.sleep(100);
                job = server.json("/api/jobs/" + jobId);
            }

            JsonNode report = job.get("report");
            assertEquals("done", job.get("state").asText(), job.toString());
            assertEquals(2, report.get("thumbnails_not_written").asInt(), report.toString());
            assertEquals(2, report.get("retrying").get("thumbnail not written").asInt(), report.toString());
            assertEquals(0, report.get("gave_up").size(), report.toString());
        }
    }

    @Test
    void badSourceRequestsAreRefusedAndUnknownJobsAre404() throws Exception {
        try (TestServer server = TestServer.empty(dir.resolve("home"), ServerOptions.local(0))) {
            assertError(server.post("/api/sources", "{not json", null), 400);
            assertError(server.post("/api/sources", "{}", null), 400);
            assertError(server.post("/api/sources", "{\"source\": 42}", null), 400);
            assertError(server.post("/api/sources", "{\"source\": \"/no/such/folder\"}", null), 400);
            assertError(server.get("/api/jobs/nope"), 404);
            assertError(server.get("/api/jobs/nope/events"), 404);
            assertEquals(0, server.json("/api/sources").get("sources").size());
        }
    }

    @Test
    void withATokenPostsNeedItButLocalReadsDoNot() throws Exception {
        Path folder = folderOfPictures();
        try (TestServer server = TestServer.empty(dir.resolve("home"), ServerOptions.local(0).withToken(TOKEN))) {
            String body = "{\"source\": \"" + folder.toString().replace("\\", "\\\\") + "\"}";
            assertError(server.post("/api/sources", body, null), 401);
            assertError(server.post("/api/sources", body, "wrong"), 401);
            assertEquals(202, server.post("/api/sources", body, TOKEN).statusCode());
            assertEquals(200, server.get("/api/health").statusCode());
        }
    }

    @Test
    void aSourceIsRemovedWithItsPhotosOnlyWithTheToken() throws Exception {
        ServerOptions options = ServerOptions.local(0).withToken(TOKEN);
        try (TestServer server = TestServer.withExample(dir.resolve("home"), options)) {
            String key = server.json("/api/sources").get("sources").get(0).get("source").asText();
            String path = "/api/sources?source=" + URLEncoder.encode(key, StandardCharsets.UTF_8);
            assertError(server.delete(path, null), 401);
            assertError(server.delete("/api/sources", TOKEN), 400);
            assertError(server.delete("/api/sources?source=folder%3A%2Fnowhere", TOKEN), 404);
            assertEquals(13, server.json("/api/health").get("photos").asInt(), "nothing removed so far");

            HttpResponse<String> removed = server.delete(path, TOKEN);
            assertEquals(200, removed.statusCode(), removed.body());
            assertEquals(13, TestServer.body(removed).get("removed").asInt());
            assertEquals(0, server.json("/api/sources").get("sources").size());
            assertEquals(0, server.json("/api/search?q=boat").get("results").size(), "searches see the removal");
            try (var thumbnails = Files.walk(server.home.resolve("thumbnails"))) {
                assertEquals(0, thumbnails.filter(Files::isRegularFile).count(), "their thumbnails went with them");
            }
        }
    }

    @Test
    void aClientOverItsRateGets429() throws Exception {
        try (TestServer server = TestServer.empty(dir.resolve("home"), ServerOptions.local(0).withRate(0.5, 3))) {
            for (int i = 0; i < 3; i++) {
                assertEquals(200, server.get("/api/health").statusCode());
            }
            HttpResponse<String> limited = server.get("/api/health");
            assertError(limited, 429);
            assertEquals("1", limited.headers().firstValue("Retry-After").orElseThrow());
        }
    }

    @Test
    void corsIsOffUnlessAnOriginIsGiven() throws Exception {
        String origin = "http://localhost:5173";
        try (TestServer open = TestServer.empty(dir.resolve("home"), ServerOptions.local(0).withCors(origin))) {
            HttpResponse<String> allowed = open.send(HttpRequest.newBuilder(URI.create(open.base() + "/api/health"))
                    .header("Origin", origin).GET().build());
            assertEquals(origin, allowed.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
            HttpResponse<String> other = open.send(HttpRequest.newBuilder(URI.create(open.base() + "/api/health"))
                    .header("Origin", "http://evil.test").GET().build());
            assertFalse(other.headers().firstValue("Access-Control-Allow-Origin").isPresent());
            HttpResponse<String> preflight = open.send(HttpRequest.newBuilder(URI.create(open.base() + "/api/sources"))
                    .header("Origin", origin).method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
            assertEquals(204, preflight.statusCode());
            assertTrue(preflight.headers().firstValue("Access-Control-Allow-Methods").orElseThrow().contains("POST"));
        }
        try (TestServer closed = TestServer.empty(dir.resolve("home"), ServerOptions.local(0))) {
            URI health = URI.create(closed.base() + "/api/health");
            HttpResponse<String> response = closed.send(HttpRequest.newBuilder(health).header("Origin", origin).GET()
                    .build());
            assertFalse(response.headers().firstValue("Access-Control-Allow-Origin").isPresent());
        }
    }
}
