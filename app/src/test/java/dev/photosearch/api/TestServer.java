package dev.photosearch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.photosearch.cli.Main;
import dev.photosearch.embed.TextEncoder;
import dev.photosearch.index.PhotoStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

/** A real server on an ephemeral loopback port over a home, and a small HTTP client for it. */
final class TestServer implements AutoCloseable {

    static final Path EXAMPLE = Path.of("../examples/instagram-export").toAbsolutePath().normalize();
    static final ObjectMapper JSON = new ObjectMapper();

    final Path home;
    final ApiServer server;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private TestServer(Path home, ApiServer server) {
        this.home = home;
        this.server = server;
        server.start();
    }

    private TestServer(Path home, ServerOptions options) throws IOException {
        this(home, new ApiServer(Library.open(home, PhotoStore.embedded(home.resolve("index")),
                home.resolve("thumbnails"), TextEncoder::load), options));
    }

    /** Starts {@code server} and talks to it; closing the result closes the server. */
    static TestServer over(ApiServer server) {
        return new TestServer(null, server);
    }

    /** Indexes the built-in example into {@code home} with the real CLI, then serves it. */
    static TestServer withExample(Path home, ServerOptions options) throws IOException {
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
                "--home", home.toString(), "index", EXAMPLE.toString());
        assertEquals(0, code, err.toString());
        return new TestServer(home, options);
    }

    static TestServer empty(Path home, ServerOptions options) throws IOException {
        return new TestServer(home, options);
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build());
    }

    HttpResponse<byte[]> bytes(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> post(String path, String body, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    HttpResponse<String> delete(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/json").DELETE();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    JsonNode json(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return JSON.readTree(response.body());
    }

    static JsonNode body(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
