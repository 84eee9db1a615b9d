package dev.photosearch.cli;

import dev.photosearch.api.ApiServer;
import dev.photosearch.api.Library;
import dev.photosearch.api.ServerOptions;
import dev.photosearch.embed.TextEncoder;
import dev.photosearch.embed.TextModel;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code photosearch bench-server}: the server under abuse on 127.0.0.1, bounded in time. First a load of varied
 * requests (searches with filters, bad parameters, unknown photos) from many connections, counting answers by class:
 * no 5xx may appear. Then slow bodies (POSTs that promise a body and send a byte every 5 s, opened at a steady rate)
 * while {@code /api/health} is timed. The server has its production limits, except the per-client rate limit,
 * lifted so the load reaches the handlers.
 */
@Command(name = "bench-server", mixinStandardHelpOptions = true,
        description = "Load and slow-body test of the HTTP server on 127.0.0.1 with synthetic photos (bounded in time).")
final class ServerBenchCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Mixin
    SolrLayout layout;

    @Option(names = "--photos", paramLabel = "N", defaultValue = "10000", description = "Photos (default 10000).")
    int photos;

    @Option(names = "--connections", paramLabel = "N", defaultValue = "32", description = "Load clients (default 32).")
    int connections;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "30", description = "Load duration (default 30).")
    int seconds;

    @Option(names = "--slow", paramLabel = "N", defaultValue = "400", description = "Slow bodies (default 400).")
    int slow;

    @Option(names = "--slow-per-second", paramLabel = "N", defaultValue = "40",
            description = "Slow bodies opened per second (default 40).")
    int slowPerSecond;

    @Option(names = "--slow-length", paramLabel = "BYTES", defaultValue = "100000",
            description = "Content-Length the slow bodies promise (default 100000, as in issue 14).")
    int slowLength;

    @Option(names = "--work", paramLabel = "DIR",
            description = "Home to index into and reuse, with the photos of the bench-N collection when --solr is "
                + "given (default: temporary, and the collection made afresh).")
    Path work;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path home = work != null ? Files.createDirectories(work) : Files.createTempDirectory("photosearch-bench-srv");
        TextEncoder encoder = TextEncoder.load(TextModel.byName("bge-small-en-v1.5-q"));
        BenchStore stores = BenchStore.of(main, layout, work);
        stores.prepare(photos);
        BenchApiCommand.index(stores.open(home, photos), home, encoder, photos);
        ServerOptions options = ServerOptions.local(0).withRate(1e9, 1_000_000_000);
        try (ApiServer server = new ApiServer(Library.open(home, stores.open(home, photos), home.resolve("thumbnails"),
                m -> encoder), options)) {
            int port = server.start();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            out.printf("%,d photos, %d cores, %s%n", photos, Runtime.getRuntime().availableProcessors(),
                    stores.describe());
            load(out, http, port);
            slowBodies(out, http, port);
        }
        return 0;
    }

    /** The varied requests, for request number {@code i}. */
    static String target(int i, List<String> queries) {
        String q = URLEncoder.encode(queries.get(i % queries.size()), StandardCharsets.UTF_8);
        return switch (i % 10) {
            case 0, 1, 2 -> "/api/search?q=" + q;
            case 3 -> "/api/search?q=" + q + "&limit=" + (1 + i % 100) + "&offset=" + (i % 50);
            case 4 -> "/api/search?q=" + q + "&sort=date&from=2020-01-01&to=2024-12-31";
            case 5 -> "/api/search?q=" + q + "&source=" + URLEncoder.encode("synthetic:x", StandardCharsets.UTF_8);
            case 6 -> "/api/photos/" + String.format("%020x", (long) i * 2654435761L);
            case 7 -> i % 20 == 7 ? "/api/search?q=%ff%fe" : "/api/search?q=" + "a".repeat(301);
            case 8 -> i % 20 == 8 ? "/api/search?q=" + q + "&limit=abc" : "/api/sources";
            default -> "/api/health";
        };
    }

    private void load(PrintWriter out, HttpClient http, int port) throws Exception {
        List<String> queries = SyntheticPhotos.queries(5_000, photos);
        AtomicIntegerArray byClass = new AtomicIntegerArray(6);
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        ConcurrentLinkedQueue<Double> ms = new ConcurrentLinkedQueue<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService clients = Executors.newFixedThreadPool(connections);
        for (int c = 0; c < connections; c++) {
            clients.execute(() -> {
                while (System.nanoTime() < end) {
                    URI uri = URI.create("http://127.0.0.1:" + port + target(next.getAndIncrement(), queries));
                    long t0 = System.nanoTime();
                    try {
                        int status = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode();
                        byClass.incrementAndGet(Math.min(5, status / 100));
                        ms.add((System.nanoTime() - t0) / 1e6);
                    } catch (IOException e) {
                        failed.incrementAndGet();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }
        clients.shutdown();
        clients.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        double[] latencies = ms.stream().mapToDouble(Double::doubleValue).toArray();
        out.printf("Load: %d connections, %d s, varied requests%n", connections, seconds);
        out.println("| requests | 2xx | 4xx | 5xx | failed | requests/s | p50 ms | p99 ms |");
        out.println("|---|---|---|---|---|---|---|---|");
        out.printf("| %,d | %,d | %,d | %d | %d | %.0f | %.1f | %.1f |%n", latencies.length, byClass.get(2),
                byClass.get(4), byClass.get(5), failed.get(), latencies.length / (double) seconds,
                BenchCommand.percentile(latencies, 50), BenchCommand.percentile(latencies, 99));
        out.flush();
    }

    private void slowBodies(PrintWriter out, HttpClient http, int port) throws Exception {
        List<Socket> sockets = new ArrayList<>();
        AtomicInteger cutOff = new AtomicInteger();
        AtomicInteger peakThreads = new AtomicInteger();
        ScheduledExecutorService trickle = Executors.newScheduledThreadPool(2);
        long openMs = 1000L * slow / slowPerSecond;
        for (int i = 0; i < slow; i++) {
            int n = i;
            trickle.schedule(() -> open(port, sockets, cutOff), n * 1000L / slowPerSecond, TimeUnit.MILLISECONDS);
        }
        trickle.scheduleAtFixedRate(() -> trickleByte(sockets, cutOff), 5, 5, TimeUnit.SECONDS);
        List<Double> health = new ArrayList<>();
        int healthFailed = 0;
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(openMs + 20_000);
        URI uri = URI.create("http://127.0.0.1:" + port + "/api/health");
        while (System.nanoTime() < end) {
            long t0 = System.nanoTime();
            try {
                int status = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                health.add((System.nanoTime() - t0) / 1e6);
                healthFailed += status == 200 ? 0 : 1;
            } catch (IOException e) {
                healthFailed++;
            }
            peakThreads.accumulateAndGet(serverThreads(), Math::max);
            Thread.sleep(250);
        }
        trickle.shutdownNow();
        synchronized (sockets) {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
        double[] latencies = health.stream().mapToDouble(Double::doubleValue).toArray();
        out.printf("Slow bodies: %d opened at %d/s, Content-Length %,d, one byte every 5 s; /api/health every 250 ms"
                + " for %d s%n", slow, slowPerSecond, slowLength, (openMs + 20_000) / 1000);
        out.println("| health checks | failed | p50 ms | p99 ms | max ms | slow bodies cut off | peak server threads |");
        out.println("|---|---|---|---|---|---|---|");
        out.printf("| %d | %d | %.1f | %.1f | %.1f | %d | %d |%n", latencies.length, healthFailed,
                BenchCommand.percentile(latencies, 50), BenchCommand.percentile(latencies, 99),
                BenchCommand.percentile(latencies, 100), cutOff.get(), peakThreads.get());
        out.flush();
    }

    private void open(int port, List<Socket> sockets, AtomicInteger cutOff) {
        try {
            Socket socket = new Socket("127.0.0.1", port);
            socket.getOutputStream().write(("POST /api/sources HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + slowLength + "\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));
            synchronized (sockets) {
                sockets.add(socket);
            }
        } catch (IOException e) {
            cutOff.incrementAndGet();
        }
    }

    /** Sends one more byte on every slow body still open; one the server has closed is counted and dropped. */
    private static void trickleByte(List<Socket> sockets, AtomicInteger cutOff) {
        synchronized (sockets) {
            sockets.removeIf(socket -> {
                try {
                    OutputStream out = socket.getOutputStream();
                    out.write(' ');
                    out.flush();
                    return false;
                } catch (IOException e) {
                    cutOff.incrementAndGet();
                    return true;
                }
            });
        }
    }

    private static int serverThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("photosearch-http")).count();
    }
}
