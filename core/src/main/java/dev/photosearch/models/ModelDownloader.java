package dev.photosearch.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Downloads a catalogued model into a {@link ModelStore}: each file goes to a {@code .part} file that a later run
 * resumes with a Range request, is verified (size and SHA-256 when known, else against the hash recorded by an
 * earlier install), and only then takes its name.
 */
public final class ModelDownloader {

    /** Hears how far each file is. */
    @FunctionalInterface
    public interface Listener {
        /** {@code total} is -1 when the server does not say. */
        void progress(ModelFile file, long done, long total);
    }

    /** Where models are published: {@code <base>/<repository>/resolve/<revision>/<path>}. */
    public static final URI HUGGING_FACE = URI.create("https://huggingface.co/");

    private final HttpClient http;
    private final URI base;

    public ModelDownloader(URI base) {
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** Downloads what is missing of the model, verifies every file and marks the install finished. */
    public InstalledModel pull(ModelSpec spec, ModelStore store, Listener listener) throws IOException {
        Map<String, String> recorded = store.recordedHashes(spec);
        Map<String, String> hashes = new LinkedHashMap<>();
        Path dir = store.dir(spec);
        for (ModelFile file : spec.files()) {
            Path target = dir.resolve(file.path());
            if (Files.isRegularFile(target) && recorded.containsKey(file.path())) {
                hashes.put(file.path(), Checksums.verify(spec.name(), file, target, recorded.get(file.path())));
                continue;
            }
            Files.createDirectories(target.getParent());
            Path part = target.resolveSibling(target.getFileName() + ".part");
            fetch(spec, file, part, listener);
            try {
                hashes.put(file.path(), Checksums.verify(spec.name(), file, part, recorded.get(file.path())));
            } catch (ModelException e) {
                // A bad download must not be resumed: the next pull starts this file again.
                Files.deleteIfExists(part);
                throw e;
            }
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        store.writeManifest(spec, hashes);
        return new InstalledModel(spec, dir);
    }

    /** The address of one file. */
    URI url(ModelSpec spec, ModelFile file) {
        String path = Stream.of(file.path().split("/")).map(ModelDownloader::encode).collect(Collectors.joining("/"));
        return base.resolve(spec.repository() + "/resolve/" + encode(spec.revision()) + "/" + path);
    }

    private void fetch(ModelSpec spec, ModelFile file, Path part, Listener listener) throws IOException {
        long have = Files.isRegularFile(part) ? Files.size(part) : 0;
        HttpRequest.Builder request = HttpRequest.newBuilder(url(spec, file)).timeout(Duration.ofMinutes(2))
                .header("User-Agent", "photosearch");
        if (have > 0) {
            request.header("Range", "bytes=" + have + "-");
        }
        HttpResponse<InputStream> response = send(spec, request.build());
        int status = response.statusCode();
        try (InputStream body = response.body()) {
            if (status == 416 && have > 0) {
                return; // the part file is already whole
            }
            boolean append = status == 206 && have > 0;
            if (status != 200 && !append) {
                throw new ModelException("cannot download " + spec.name() + ": " + url(spec, file) + " answered HTTP "
                        + status);
            }
            long start = append ? have : 0;
            OptionalLong length = response.headers().firstValueAsLong("Content-Length");
            long total = length.isPresent() ? start + length.getAsLong() : -1;
            copy(body, part, append, file, start, total, listener);
        }
    }

    private HttpResponse<InputStream> send(ModelSpec spec, HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw offline(spec, request.uri(), e);
        } catch (HttpTimeoutException e) {
            throw new ModelException("cannot download " + spec.name() + ": " + request.uri().getHost()
                    + " stopped answering; run the same pull again to resume", e);
        } catch (IOException e) {
            if (e.getCause() instanceof java.nio.channels.UnresolvedAddressException) {
                throw offline(spec, request.uri(), e);
            }
            throw new ModelException("cannot download " + spec.name() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelException("download of " + spec.name() + " interrupted; run it again to resume", e);
        }
    }

    private static ModelException offline(ModelSpec spec, URI uri, Exception cause) {
        return new ModelException("cannot reach " + uri.getHost() + " to download " + spec.name()
                + " (offline?): fetch its files elsewhere and run 'photosearch models import " + spec.name()
                + " DIR'", cause);
    }

    private static void copy(InputStream body, Path part, boolean append, ModelFile file, long start, long total,
            Listener listener) throws IOException {
        StandardOpenOption mode = append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING;
        long done = start;
        try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                mode)) {
            byte[] buffer = new byte[1 << 16];
            listener.progress(file, done, total);
            for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                out.write(buffer, 0, n);
                done += n;
                listener.progress(file, done, total);
            }
        }
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
