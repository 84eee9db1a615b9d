package dev.photosearch.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server on a machine that did not index the photo (a shared Solr store) has no thumbnail of it: the thumbnail
 * route gives the picture itself, so the page still shows it.
 */
class ThumbnailElsewhereTest {

    @TempDir
    Path home;

    @Test
    void withoutTheCachedThumbnailThePictureIsServed() throws Exception {
        try (TestServer server = TestServer.withExample(home, ServerOptions.local(0))) {
            Files.move(home.resolve("thumbnails"), home.resolve("thumbnails-of-another-machine"));
            JsonNode first = server.json("/api/search?q=" + URLEncoder.encode("a boat on a lake",
                    StandardCharsets.UTF_8)).get("results").get(0);
            HttpResponse<byte[]> thumb = server.bytes(first.get("thumbnail_url").asText());
            assertEquals(200, thumb.statusCode());
            assertArrayEquals(Files.readAllBytes(TestServer.EXAMPLE.resolve("media/posts/202307/example_2.jpg")),
                    thumb.body());
        }
    }
}
