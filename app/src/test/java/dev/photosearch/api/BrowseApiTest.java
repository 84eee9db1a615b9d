package dev.photosearch.api;

import static dev.photosearch.api.ApiServerTest.assertError;
import static dev.photosearch.api.ApiServerTest.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /api/photos}: the built-in example listed without a query, in date order, filtered and paged. */
class BrowseApiTest {

    @TempDir
    static Path home;

    static TestServer server;
    static int listedBeforeIndexing;

    /** Starts on an empty home and indexes the example through the API, as the page does. */
    @BeforeAll
    static void start() throws Exception {
        server = TestServer.empty(home, ServerOptions.local(0).withRate(1000, 1000));
        listedBeforeIndexing = server.json("/api/photos").get("total").asInt();
        HttpResponse<String> posted = server.post("/api/sources",
                TestServer.JSON.createObjectNode().put("source", TestServer.EXAMPLE.toString()).toString(), null);
        assertEquals(202, posted.statusCode(), posted.body());
        String job = "/api/jobs/" + TestServer.body(posted).get("id").asText();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!server.json(job).get("state").asText().matches("done|failed|cancelled")
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals("done", server.json(job).get("state").asText(), server.json(job).toString());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static List<String> paths(JsonNode list) {
        List<String> paths = new ArrayList<>();
        list.get("photos").forEach(p -> paths.add(p.get("path").asText()));
        return paths;
    }

    static List<Instant> dates(JsonNode list) {
        List<Instant> dates = new ArrayList<>();
        list.get("photos").forEach(p -> dates.add(Instant.parse(p.get("taken_at").asText())));
        return dates;
    }

    @Test
    void theListingFollowsWhatIndexingCommits() throws Exception {
        assertEquals(0, listedBeforeIndexing);
        assertEquals(13, server.json("/api/photos").get("total").asInt());
    }

    @Test
    void newestFirstByDefaultWithTheFieldsOfASearchResultButNoScore() throws Exception {
        JsonNode list = server.json("/api/photos?limit=13");
        assertEquals(13, list.get("total").asInt());
        assertTrue(list.has("took_ms"));
        List<Instant> dates = dates(list);
        assertEquals(13, dates.size());
        for (int i = 1; i < dates.size(); i++) {
            assertFalse(dates.get(i).isAfter(dates.get(i - 1)), dates.toString());
        }
        JsonNode first = list.get("photos").get(0);
        assertEquals("media/posts/202311/example_6.jpg", first.get("path").asText());
        for (String field : List.of("id", "path", "description", "caption", "taken_at", "source", "thumbnail_url",
                "image_url")) {
            assertTrue(first.has(field), field + " in " + first);
        }
        assertFalse(first.has("score") || first.has("matched"), first.toString());
        assertEquals(13, server.json("/api/photos").get("photos").size(), "a default page of 20 holds all 13");
    }

    @Test
    void sortDateIsOldestFirst() throws Exception {
        JsonNode list = server.json("/api/photos?sort=date&limit=3");
        assertEquals(List.of("media/posts/202212/example_4.jpg", "media/posts/202301/example_3.jpg",
                "media/posts/202303/example_8.jpg"), paths(list));
        assertEquals(paths(server.json("/api/photos?limit=13")), paths(server.json("/api/photos?sort=-date&limit=13")));
    }

    @Test
    void pagesFollowEachOtherWithoutOverlap() throws Exception {
        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset < 13; offset += 5) {
            JsonNode page = server.json("/api/photos?limit=5&offset=" + offset);
            assertEquals(13, page.get("total").asInt());
            paged.addAll(paths(page));
        }
        assertEquals(paths(server.json("/api/photos?limit=13")), paged);
        JsonNode beyond = server.json("/api/photos?offset=10000");
        assertEquals(0, beyond.get("photos").size());
        assertEquals(13, beyond.get("total").asInt());
    }

    @Test
    void datesAreWholeDaysAndTheTotalCountsWhatTheFiltersLetThrough() throws Exception {
        JsonNode summer = server.json("/api/photos?from=2023-07-01&to=2023-08-31");
        assertEquals(List.of("media/posts/202308/example_9.jpg", "media/posts/202307/example_2.jpg",
                "media/posts/202307/example_1.jpg"), paths(summer));
        assertEquals(3, summer.get("total").asInt());
        JsonNode oneDay = server.json("/api/photos?from=2023-07-23&to=2023-07-23");
        assertEquals(List.of("media/posts/202307/example_2.jpg"), paths(oneDay));
        JsonNode instants = server.json("/api/photos?from=" + q("2023-07-01T19:30:00Z") + "&to="
                + q("2023-07-23T07:09:59Z"));
        assertEquals(List.of("media/posts/202307/example_1.jpg"), paths(instants));
    }

    @Test
    void aSourceFilterKeepsOnlyThatSource() throws Exception {
        String mine = "instagram-export:" + TestServer.EXAMPLE;
        JsonNode list = server.json("/api/photos?limit=100&source=" + q(mine));
        assertEquals(13, list.get("total").asInt());
        list.get("photos").forEach(p -> assertEquals(mine, p.get("source").asText()));
        assertEquals(0, server.json("/api/photos?source=" + q("folder:/nowhere")).get("total").asInt());
    }

    @Test
    void badParametersAreClearErrors() throws Exception {
        for (String bad : List.of("limit=0", "limit=101", "limit=abc", "offset=-1", "offset=10001", "sort=relevance",
                "sort=size", "from=yesterday", "to=2024-13-01", "from=2024-02-01&to=2024-01-01",
                "source=" + "x".repeat(2001))) {
            HttpResponse<String> response = server.get("/api/photos?" + bad);
            assertError(response, 400);
            assertEquals("bad_request", TestServer.body(response).get("error").asText(), bad);
        }
        assertTrue(TestServer.body(server.get("/api/photos?sort=size")).get("message").asText().contains("-date"));
    }

    @Test
    void aPhotoIsStillFoundByItsId() throws Exception {
        String id = server.json("/api/photos?limit=1").get("photos").get(0).get("id").asText();
        assertEquals("media/posts/202311/example_6.jpg", server.json("/api/photos/" + id).get("path").asText());
    }
}
