package dev.photosearch.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The read side of the API over real HTTP, on the built-in example export. */
class ApiServerTest {

    @TempDir
    static Path home;

    static TestServer server;
    static final String EXAMPLE_SOURCE = "instagram-export:" + TestServer.EXAMPLE;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.withExample(home, ServerOptions.local(0).withRate(1000, 1000));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static String firstId(String query) throws Exception {
        return server.json("/api/search?limit=1&q=" + q(query)).get("results").get(0).get("id").asText();
    }

    @Test
    void healthCountsThePhotos() throws Exception {
        JsonNode health = server.json("/api/health");
        assertEquals("ok", health.get("status").asText());
        assertEquals(13, health.get("photos").asInt());
    }

    @Test
    void searchAnswersWithTheContractFields() throws Exception {
        JsonNode page = server.json("/api/search?q=" + q("a boat on a lake") + "&limit=3");
        assertEquals("a boat on a lake", page.get("query").asText());
        assertTrue(page.get("candidates").asInt() >= 3);
        assertTrue(page.has("took_ms"));
        assertEquals(1, page.get("matches").asInt());
        assertEquals("a boat on a lake", page.get("interpreted").get("words").asText());
        JsonNode first = page.get("results").get(0);
        assertEquals("media/posts/202307/example_2.jpg", first.get("path").asText());
        for (String field : List.of("id", "path", "score", "description", "caption", "taken_at", "source",
                "thumbnail_url", "image_url", "matched", "likely")) {
            assertTrue(first.has(field), field + " in " + first);
        }
        assertEquals("/api/photos/" + first.get("id").asText() + "/thumbnail", first.get("thumbnail_url").asText());
        assertEquals(3, page.get("results").size());
    }

    @Test
    void theLikelyMatchesComeFirstAndAreCounted() throws Exception {
        for (String query : List.of("a boat on a lake", "croissant", "photo")) {
            JsonNode page = server.json("/api/search?limit=13&q=" + q(query));
            List<Boolean> likely = new ArrayList<>();
            page.get("results").forEach(r -> likely.add(r.get("likely").asBoolean()));
            int matches = page.get("matches").asInt();
            assertEquals(Collections.nCopies(matches, true), likely.subList(0, matches), query);
            assertFalse(likely.subList(matches, likely.size()).contains(true), query);
        }
    }

    @Test
    void datesAndPlacesSaidAreReportedAndEachCanBeUndone() throws Exception {
        String query = "croissant in Paris in October 2023";
        JsonNode read = server.json("/api/search?q=" + q(query));
        JsonNode interpreted = read.get("interpreted");
        assertEquals("Paris", interpreted.get("place").asText());
        assertEquals("croissant", interpreted.get("words").asText());
        assertTrue(Instant.parse(interpreted.get("from").asText()).isBefore(Instant.parse("2023-10-02T00:00:00Z")));
        assertTrue(Instant.parse(interpreted.get("to").asText()).isAfter(Instant.parse("2023-10-30T00:00:00Z")));
        List<String> spans = new ArrayList<>();
        interpreted.get("spans").forEach(span -> {
            String said = query.substring(span.get("start").asInt(), span.get("end").asInt());
            assertEquals(span.get("text").asText(), said);
            spans.add(span.get("kind").asText() + ":" + span.get("text").asText());
        });
        assertEquals(List.of("place:in Paris", "date:in October 2023"), spans);
        assertEquals(3, read.get("candidates").asInt(), "the photos of October 2023");

        JsonNode noDate = server.json("/api/search?literal=date&q=" + q(query));
        assertEquals(13, noDate.get("candidates").asInt());
        assertFalse(noDate.get("interpreted").has("from"));
        assertEquals("Paris", noDate.get("interpreted").get("place").asText());
        JsonNode neither = server.json("/api/search?literal=date,place&q=" + q(query));
        assertEquals(0, neither.get("interpreted").get("spans").size());
        assertEquals(query, neither.get("interpreted").get("words").asText());
    }

    @Test
    void pagesFollowEachOtherWithoutOverlap() throws Exception {
        List<String> all = ids(server.json("/api/search?q=" + q("photo") + "&limit=6"));
        List<String> paged = new ArrayList<>(ids(server.json("/api/search?q=" + q("photo") + "&limit=3")));
        paged.addAll(ids(server.json("/api/search?q=" + q("photo") + "&limit=3&offset=3")));
        assertEquals(all, paged);
        assertEquals(6, new HashSet<>(paged).size());
        JsonNode beyond = server.json("/api/search?q=" + q("photo") + "&offset=10000");
        assertEquals(0, beyond.get("results").size());
    }

    @Test
    void sortByDatePutsTheNewestFirst() throws Exception {
        JsonNode page = server.json("/api/search?q=" + q("photo") + "&limit=13&sort=date");
        List<Instant> dates = new ArrayList<>();
        List<Boolean> likely = new ArrayList<>();
        page.get("results").forEach(r -> {
            dates.add(Instant.parse(r.get("taken_at").asText()));
            likely.add(r.get("likely").asBoolean());
        });
        assertEquals(13, dates.size());
        for (int i = 1; i < dates.size(); i++) {
            // Newest first among the likely matches, then among the others.
            assertFalse(likely.get(i) == likely.get(i - 1) && dates.get(i).isAfter(dates.get(i - 1)),
                    dates.toString());
        }
        JsonNode relevance = server.json("/api/search?q=" + q("photo") + "&limit=13");
        assertNotEquals(ids(relevance), ids(page));
    }

    @Test
    void dateFiltersApplyToBothSignals() throws Exception {
        JsonNode page = server.json("/api/search?q=" + q("a boat on a lake") + "&limit=50&from=2023-01-01&to=2023-03-31");
        assertTrue(page.get("results").size() > 0);
        for (JsonNode r : page.get("results")) {
            Instant taken = Instant.parse(r.get("taken_at").asText());
            assertFalse(taken.isBefore(Instant.parse("2023-01-01T00:00:00Z")), taken.toString());
            assertFalse(taken.isAfter(Instant.parse("2023-03-31T23:59:59Z")), taken.toString());
            assertNotEquals("media/posts/202307/example_2.jpg", r.get("path").asText());
        }
        assertEquals(page.get("results").size(), page.get("candidates").asInt());
    }

    @Test
    void sourceFilterKeepsOnlyThatSource() throws Exception {
        JsonNode mine = server.json("/api/search?q=" + q("boat") + "&source=" + q(EXAMPLE_SOURCE));
        assertTrue(mine.get("results").size() > 0);
        mine.get("results").forEach(r -> assertEquals(EXAMPLE_SOURCE, r.get("source").asText()));
        JsonNode other = server.json("/api/search?q=" + q("boat") + "&source=" + q("folder:/nowhere"));
        assertEquals(0, other.get("candidates").asInt());
    }

    @Test
    void detailHasTheWholeStoredPhoto() throws Exception {
        String id = firstId("a boat on a lake");
        JsonNode photo = server.json("/api/photos/" + id);
        assertEquals(id, photo.get("id").asText());
        assertTrue(photo.get("caption").asText().contains("Lake Annecy"));
        assertTrue(photo.get("analyses").size() > 0);
        assertTrue(photo.get("analyses").get(0).has("regions"));
        assertTrue(photo.get("facts").get("width").asInt() > 0);
        assertTrue(photo.get("description").get("summary").asText().length() > 10);
        assertEquals("zip".equals(photo.get("media_kind").asText()) ? "zip" : "file", photo.get("media_kind").asText());
        assertFalse(photo.toString().contains(home.toString()), "no path of the home leaks");
    }

    @Test
    void thumbnailAndOriginalAreServed() throws Exception {
        String id = firstId("a boat on a lake");
        HttpResponse<byte[]> thumb = server.bytes("/api/photos/" + id + "/thumbnail");
        assertEquals(200, thumb.statusCode());
        assertEquals("image/jpeg", thumb.headers().firstValue("Content-Type").orElseThrow());
        assertEquals((byte) 0xFF, thumb.body()[0]);
        assertEquals((byte) 0xD8, thumb.body()[1]);

        HttpResponse<byte[]> original = server.bytes("/api/photos/" + id + "/image");
        assertEquals(200, original.statusCode());
        assertArrayEquals(Files.readAllBytes(TestServer.EXAMPLE.resolve("media/posts/202307/example_2.jpg")),
                original.body());
    }

    @Test
    void similarPhotosExcludeThePhotoItself() throws Exception {
        String id = firstId("a boat on a lake");
        JsonNode similar = server.json("/api/photos/" + id + "/similar?limit=5");
        assertEquals(5, similar.get("results").size());
        Set<String> seen = new HashSet<>();
        double previous = Double.MAX_VALUE;
        for (JsonNode r : similar.get("results")) {
            assertNotEquals(id, r.get("id").asText());
            assertTrue(seen.add(r.get("id").asText()));
            assertTrue(r.get("score").asDouble() <= previous);
            previous = r.get("score").asDouble();
        }
        assertEquals(404, server.get("/api/photos/0123456789abcdef0123/similar").statusCode());
    }

    @Test
    void sourcesAreListedWithCounts() throws Exception {
        JsonNode sources = server.json("/api/sources").get("sources");
        assertEquals(1, sources.size());
        assertEquals(EXAMPLE_SOURCE, sources.get(0).get("source").asText());
        assertEquals(13, sources.get(0).get("photos").asInt());
    }

    @Test
    void badQueriesAreClearErrors() throws Exception {
        assertError(server.get("/api/search"), 400);
        assertError(server.get("/api/search?q=%20%20"), 400);
        assertError(server.get("/api/search?q=" + "a".repeat(301)), 413);
        assertEquals(200, server.get("/api/search?q=" + q("\"AND:*( ) OR [x] ~2 \\ 🐈 \u0000")).statusCode());
        assertEquals(200, server.get("/api/search?q=" + "a".repeat(300)).statusCode());
        for (String bad : List.of("limit=0", "limit=101", "limit=abc", "offset=-1", "offset=10001", "sort=size",
                "from=yesterday", "from=2024-02-01&to=2024-01-01", "limit=99999999999", "literal=time",
                "literal=date,when")) {
            assertError(server.get("/api/search?q=cat&" + bad), 400);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0123456789abcdef0123", "0123456789abcdef0123/thumbnail", "0123456789abcdef0123/image"})
    void unknownIdsAre404(String path) throws Exception {
        assertError(server.get("/api/photos/" + path), 404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"..%2F..%2Fetc%2Fpasswd/image", "%2e%2e/thumbnail", "%2Fetc%2Fpasswd/image",
        "ABCDEF0123456789/image", "x/image", "..%5C..%5Cwindows/image", "%252e%252e%252fetc/image"})
    void traversalAttemptsNeverReadAFile(String path) throws Exception {
        HttpResponse<String> response = server.get("/api/photos/" + path);
        assertTrue(response.statusCode() == 400 || response.statusCode() == 404, response.statusCode() + "");
        assertFalse(response.body().contains("root:"), response.body());
        assertTrue(response.body().startsWith("{"), response.body());
    }

    @Test
    void rawDotSegmentsDoNotLeaveTheApi() throws Exception {
        // A client that sends ../ unnormalised: the server must not map it onto a file.
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.base() + "/api/photos/../../../../etc/passwd"))
                .GET().build();
        HttpResponse<String> response = server.send(request);
        assertFalse(response.body().contains("root:"), response.body());
        assertTrue(response.statusCode() == 400 || response.statusCode() == 404, response.statusCode() + "");
    }

    @Test
    void wrongMethodsAre405AndUnknownPaths404() throws Exception {
        HttpResponse<String> delete = server.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/search?q=x"))
                .header("Content-Type", "application/json").DELETE().build());
        assertError(delete, 405);
        assertError(server.post("/api/search", "{}", null), 405);
        assertError(server.get("/api/nothing-here"), 404);
    }

    @Test
    void openApiDocumentsEveryRoute() throws Exception {
        JsonNode doc = server.json("/api/openapi.json");
        assertTrue(doc.get("openapi").asText().startsWith("3."));
        assertFalse(server.server.routes().isEmpty());
        for (ApiServer.Route route : server.server.routes()) {
            JsonNode path = doc.get("paths").get(route.path());
            assertTrue(path != null && path.has(route.method()), route + " is not in openapi.json");
        }
        assertEquals(server.server.routes().stream().map(ApiServer.Route::path).distinct().count(),
                doc.get("paths").size(), "openapi.json documents a route the server does not have");
    }

    @Test
    void metricsCountRequestsPerRoute() throws Exception {
        server.get("/api/search?q=cat");
        server.get("/api/photos/0123456789abcdef0123");
        String metrics = server.get("/metrics").body();
        assertTrue(metrics.contains("photosearch_http_requests_total{method=\"GET\",route=\"/api/search\",status=\"200\"}"),
                metrics);
        assertTrue(metrics.contains("route=\"/api/photos/{id}\",status=\"404\""), metrics);
        assertTrue(metrics.contains("photosearch_http_request_duration_seconds_bucket{route=\"/api/search\",le=\"+Inf\"}"),
                metrics);
        assertTrue(metrics.contains("photosearch_index_photos 13"), metrics);
        assertTrue(metrics.contains("photosearch_jobs{state=\"running\"} 0"), metrics);
    }

    static void assertError(HttpResponse<String> response, int status) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        JsonNode body = TestServer.body(response);
        assertTrue(body.has("error") && body.has("message"), response.body());
        assertFalse(response.body().contains("at dev.photosearch"), "no stack trace");
    }

    static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("results").forEach(r -> ids.add(r.get("id").asText()));
        return ids;
    }
}
