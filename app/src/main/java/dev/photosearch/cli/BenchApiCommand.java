package dev.photosearch.cli;

import com.sun.management.OperatingSystemMXBean;
import dev.photosearch.api.ApiServer;
import dev.photosearch.api.Library;
import dev.photosearch.api.ServerOptions;
import dev.photosearch.embed.TextEncoder;
import dev.photosearch.embed.TextModel;
import dev.photosearch.index.IndexReport;
import dev.photosearch.index.Indexer;
import dev.photosearch.index.PhotoStore;
import dev.photosearch.index.StoreWriter;
import dev.photosearch.media.MediaLimits;
import dev.photosearch.media.MediaLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code photosearch bench-api}: latency and throughput of {@code GET /api/search} over loopback HTTP at several
 * numbers of concurrent clients, on synthetic photos in the embedded store or, with {@code --solr}, in a Solr
 * collection. Bounded: a fixed number of requests per level and a time cap.
 */
@Command(name = "bench-api", mixinStandardHelpOptions = true,
        description = "Load-test /api/search on 127.0.0.1 with synthetic photos (bounded in requests and time).")
final class BenchApiCommand implements Callable<Integer> {

    private static final OperatingSystemMXBean SYSTEM =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Mixin
    SolrLayout layout;

    @Option(names = "--photos", paramLabel = "N", defaultValue = "100000", description = "Photos (default 100000).")
    int photos;

    @Option(names = "--clients", split = ",", paramLabel = "N[,N...]", defaultValue = "1,8,32",
            description = "Concurrent clients per level (default 1,8,32).")
    List<Integer> clients;

    @Option(names = "--requests", paramLabel = "N", defaultValue = "2000", description = "Requests per level.")
    int requests;

    @Option(names = "--max-seconds", paramLabel = "S", defaultValue = "60", description = "Time cap per level.")
    int maxSeconds;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "2000",
            description = "Requests sent first and not measured, so that the levels see compiled code (default 2000).")
    int warmup;

    @Option(names = "--query-pool", paramLabel = "N", defaultValue = "500",
            description = "Distinct query texts, cycled (default 500); a large pool makes nearly every query new.")
    int queryPool;

    @Option(names = "--text-model", paramLabel = "NAME", defaultValue = "bge-small-en-v1.5-q",
            description = "Text embedding model of the index and the queries (default bge-small-en-v1.5-q).")
    String textModel;

    @Option(names = "--work", paramLabel = "DIR",
            description = "Home to index into and reuse on the next run, with the photos of the bench-N collection "
                + "when --solr is given (default: a temporary folder, and the collection made afresh).")
    Path work;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path home = work != null ? Files.createDirectories(work) : Files.createTempDirectory("photosearch-bench-api");
        TextEncoder encoder = TextEncoder.load(TextModel.byName(textModel));
        BenchStore stores = BenchStore.of(main, layout, work);
        stores.prepare(photos);
        long indexStart = System.nanoTime();
        IndexReport indexed = index(stores.open(home, photos), home, encoder, photos);
        double indexSeconds = (System.nanoTime() - indexStart) / 1e9;
        ServerOptions options = ServerOptions.local(0).withRate(1e9, 1_000_000_000);
        try (ApiServer server = new ApiServer(Library.open(home, stores.open(home, photos), home.resolve("thumbnails"),
                m -> encoder), options)) {
            int port = server.start();
            List<URI> uris = SyntheticPhotos.queries(queryPool, photos).stream()
                    .map(q -> URI.create("http://127.0.0.1:" + port + "/api/search?limit=20&q="
                            + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                    .toList();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            // One counter over every level: a level never repeats the texts of the warm-up or of the level before.
            AtomicInteger next = new AtomicInteger();
            run(http, uris, next, 1, warmup, maxSeconds);
            out.printf("%,d photos, %d cores, %,d warm-up requests, %,d requests per level (cap %d s), %,d query texts"
                    + " cycled, %s%n", photos, Runtime.getRuntime().availableProcessors(), warmup, requests,
                    maxSeconds, queryPool, stores.describe());
            out.println(indexing(indexed.added(), indexSeconds));
            out.println("CPU ms/request: CPU time of this whole process (server and its in-process clients"
                    + (stores.solr().isEmpty() ? "" : "; not the Solr nodes'") + ") over the level, per request; "
                    + "load: the machine's 1-minute load average at the end");
            out.println("| clients | requests | p50 ms | p99 ms | requests/s | CPU ms/request | load | errors |");
            out.println("|---|---|---|---|---|---|---|---|");
            for (int n : clients) {
                Level level = run(http, uris, next, n, requests, maxSeconds);
                out.printf("| %d | %,d | %.1f | %.1f | %.0f | %.1f | %.1f | %d |%n", n, level.latencies.length,
                        BenchCommand.percentile(level.latencies, 50), BenchCommand.percentile(level.latencies, 99),
                        level.latencies.length / level.seconds, level.cpuMs / level.latencies.length,
                        SYSTEM.getSystemLoadAverage(), level.errors);
                out.flush();
            }
        }
        return 0;
    }

    /**
     * Indexes {@code photos} synthetic photos into {@code store}, then closes it; nothing to do for the photos a
     * previous run indexed there. Thumbnails would go to {@code home} (synthetic photos have none).
     */
    static IndexReport index(PhotoStore store, Path home, TextEncoder encoder, int photos) throws IOException {
        try (store; StoreWriter index = store.writer();
                Indexer indexer = new Indexer(index, new MediaLoader(home.resolve("thumbnails"), MediaLimits.DEFAULTS),
                        List.of(), encoder, Runtime.getRuntime().availableProcessors())) {
            return indexer.index(new SyntheticPhotos(photos, 42), (done, total) -> {});
        }
    }

    /**
     * The indexing rate of this run, closing the store included (the final commit, and the embedded store's merge),
     * or that an earlier run of the same work folder indexed the photos.
     */
    private static String indexing(int added, double seconds) {
        return added == 0 ? "indexing: nothing to add, an earlier run indexed the photos"
                : String.format("indexing: %,d photos in %.0f s, %.0f photos/s (text embedding, writes, commits)",
                        added, seconds, added / seconds);
    }

    private record Level(double[] latencies, double seconds, double cpuMs, int errors) {}

    /**
     * {@code count} requests spread over {@code clients} threads, each waiting for its answer before the next; the
     * texts are taken in turn from {@code next}.
     */
    private static Level run(HttpClient http, List<URI> uris, AtomicInteger next, int clients, int count,
            int maxSeconds) throws Exception {
        int end = next.get() + count;
        AtomicInteger errors = new AtomicInteger();
        long deadline = System.nanoTime() + maxSeconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        long cpuStart = SYSTEM.getProcessCpuTime();
        List<Future<List<Double>>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                List<Double> ms = new ArrayList<>();
                for (int i = next.getAndIncrement(); i < end && System.nanoTime() < deadline;
                        i = next.getAndIncrement()) {
                    HttpRequest request = HttpRequest.newBuilder(uris.get(i % uris.size()))
                            .timeout(Duration.ofSeconds(30)).GET().build();
                    long t0 = System.nanoTime();
                    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    ms.add((System.nanoTime() - t0) / 1e6);
                    if (response.statusCode() != 200) {
                        errors.incrementAndGet();
                    }
                }
                return ms;
            }));
        }
        List<Double> all = new ArrayList<>();
        for (Future<List<Double>> f : futures) {
            all.addAll(f.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuMs = (SYSTEM.getProcessCpuTime() - cpuStart) / 1e6;
        pool.shutdown();
        return new Level(all.stream().mapToDouble(Double::doubleValue).toArray(), seconds, cpuMs, errors.get());
    }
}
