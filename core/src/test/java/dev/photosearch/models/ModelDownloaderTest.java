package dev.photosearch.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads from a local fake of the model host: resume, checksums, offline failure. */
class ModelDownloaderTest {

    @TempDir
    Path dir;

    HttpServer server;
    final Map<String, byte[]> served = new ConcurrentHashMap<>();
    final List<String> ranges = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = served.get(exchange.getRequestURI().getPath());
            String range = exchange.getRequestHeaders().getFirst("Range");
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            int from = 0;
            if (range != null) {
                ranges.add(range);
                from = Integer.parseInt(range.substring("bytes=".length(), range.length() - 1));
            }
            exchange.sendResponseHeaders(range == null ? 200 : 206, body.length - from);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body, from, body.length - from);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private ModelStore store() {
        return new ModelStore(dir.resolve("models"), ModelCatalog.of(List.of(TinyModels.SPEC)));
    }

    private void serveTinyModel(byte[] weights) {
        served.put("/test/tiny/resolve/v1/onnx/weights.bin", weights);
        served.put("/test/tiny/resolve/v1/tokenizer.json", TinyModels.TOKENIZER);
    }

    @Test
    void pullDownloadsVerifiesAndInstalls() throws IOException {
        serveTinyModel(TinyModels.WEIGHTS);
        List<Long> progress = new CopyOnWriteArrayList<>();
        InstalledModel model = new ModelDownloader(base()).pull(TinyModels.SPEC, store(),
                (file, done, total) -> progress.add(done));

        assertArrayEquals(TinyModels.WEIGHTS, Files.readAllBytes(model.file("weights")));
        assertArrayEquals(TinyModels.TOKENIZER, Files.readAllBytes(model.file("tokenizer")));
        assertTrue(store().installed(TinyModels.SPEC).isPresent());
        assertEquals((long) TinyModels.WEIGHTS.length + TinyModels.TOKENIZER.length, progress.stream()
                .filter(p -> p == TinyModels.WEIGHTS.length || p == TinyModels.TOKENIZER.length)
                .mapToLong(Long::longValue).sum());
        try (var parts = Files.walk(dir)) {
            assertFalse(parts.anyMatch(p -> p.toString().endsWith(".part")));
        }
    }

    @Test
    void anInterruptedDownloadResumesWithARangeRequest() throws IOException {
        serveTinyModel(TinyModels.WEIGHTS);
        Path part = store().dir(TinyModels.SPEC).resolve("onnx/weights.bin.part");
        Files.createDirectories(part.getParent());
        Files.write(part, java.util.Arrays.copyOf(TinyModels.WEIGHTS, 1000));

        InstalledModel model = new ModelDownloader(base()).pull(TinyModels.SPEC, store(), (f, d, t) -> { });

        assertEquals(List.of("bytes=1000-"), ranges);
        assertArrayEquals(TinyModels.WEIGHTS, Files.readAllBytes(model.file("weights")));
    }

    @Test
    void aCorruptDownloadIsRefusedByChecksumAndNotKept() throws IOException {
        byte[] corrupt = TinyModels.WEIGHTS.clone();
        corrupt[42] ^= 1;
        serveTinyModel(corrupt);

        ModelException e = assertThrows(ModelException.class,
                () -> new ModelDownloader(base()).pull(TinyModels.SPEC, store(), (f, d, t) -> { }));

        assertTrue(e.getMessage().contains("fails its checksum"), e.getMessage());
        assertFalse(store().installed(TinyModels.SPEC).isPresent());
        assertFalse(Files.exists(store().dir(TinyModels.SPEC).resolve("onnx/weights.bin.part")));
        assertFalse(Files.exists(store().dir(TinyModels.SPEC).resolve("onnx/weights.bin")));
    }

    @Test
    void aMissingFileOnTheServerIsNamed() {
        served.put("/test/tiny/resolve/v1/onnx/weights.bin", TinyModels.WEIGHTS);
        ModelException e = assertThrows(ModelException.class,
                () -> new ModelDownloader(base()).pull(TinyModels.SPEC, store(), (f, d, t) -> { }));
        assertTrue(e.getMessage().contains("HTTP 404") && e.getMessage().contains("tokenizer.json"),
                e.getMessage());
    }

    @Test
    void offlineFailsWithOneClearLine() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        ModelException e = assertThrows(ModelException.class, () -> new ModelDownloader(
                URI.create("http://127.0.0.1:" + closedPort + "/")).pull(TinyModels.SPEC, store(), (f, d, t) -> { }));

        assertTrue(e.getMessage().startsWith("cannot reach 127.0.0.1 to download tiny"), e.getMessage());
        assertTrue(e.getMessage().contains("photosearch models import tiny DIR"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void theDefaultAddressIsTheHuggingFaceResolveUrl() {
        assertEquals("https://huggingface.co/test/tiny/resolve/v1/onnx/weights.bin",
                new ModelDownloader(ModelDownloader.HUGGING_FACE).url(TinyModels.SPEC,
                        TinyModels.SPEC.file("weights")).toString());
    }
}
