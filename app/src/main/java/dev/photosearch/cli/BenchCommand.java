package dev.photosearch.cli;

import dev.photosearch.embed.TextEncoder;
import dev.photosearch.embed.TextModel;
import dev.photosearch.index.IndexReport;
import dev.photosearch.index.PhotoFilter;
import dev.photosearch.index.PhotoStore;
import dev.photosearch.index.Ranked;
import dev.photosearch.index.StoreReader;
import dev.photosearch.index.StoreView;
import dev.photosearch.index.StoreWriter;
import dev.photosearch.index.VectorKind;
import dev.photosearch.search.PhotoSearcher;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code photosearch bench}: index throughput, query latency and HNSW recall on synthetic text-only photos, printed
 * as Markdown rows for docs/benchmarks.md, in the embedded store or, with {@code --solr}, in a Solr collection.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure indexing speed, query latency and vector-search recall on synthetic photos.")
final class BenchCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Mixin
    SolrLayout layout;

    @Option(names = "--photos", split = ",", paramLabel = "N[,N...]", defaultValue = "10000,100000",
            description = "Collection sizes to measure (default 10000,100000).")
    List<Integer> sizes;

    @Option(names = "--queries", paramLabel = "N", defaultValue = "500", description = "Queries per size.")
    int queries;

    @Option(names = "--text-model", paramLabel = "NAME", defaultValue = "bge-small-en-v1.5-q",
            description = "Text embedding model.")
    String textModel;

    @Option(names = "--work", paramLabel = "DIR",
            description = "Scratch folder to reuse, with the photos indexed there or, with --solr, in the bench-N "
                + "collections (default: a temporary folder, and the collections made afresh).")
    Path work;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        TextEncoder encoder = TextEncoder.load(TextModel.byName(textModel));
        Path scratch = work != null ? Files.createDirectories(work) : Files.createTempDirectory("photosearch-bench");
        int cores = Runtime.getRuntime().availableProcessors();
        BenchStore stores = BenchStore.of(main, layout, work);
        out.printf("model %s, %d cores, %d queries per size, %s%n", encoder.model().id(), cores, queries,
                stores.describe());
        out.println("| photos | index records/s | query p50 ms | query p99 ms | HNSW recall@10 (k=10) "
                + "| HNSW recall@10 (k=" + PhotoSearcher.CANDIDATES + ", as searched) | exact scan ms | HNSW ms (k=10) "
                + "| speed-up |");
        out.println("|---|---|---|---|---|---|---|---|---|");
        for (int size : sizes) {
            Path home = scratch.resolve("home-" + size);
            stores.prepare(size);
            IndexReport report = BenchApiCommand.index(stores.open(home, size), home, encoder, size);
            int indexed = report.added() + report.updated();
            double perSecond = indexed == 0 ? Double.NaN : indexed / (report.elapsed().toNanos() / 1e9);
            List<String> qs = SyntheticPhotos.queries(queries, size);
            double[] latency;
            Recall recall;
            try (PhotoStore store = stores.open(home, size)) {
                latency = latencies(store, encoder, qs);
                recall = hnswRecall(store, encoder, qs);
            }
            out.printf("| %,d | %s | %.1f | %.1f | %.3f | %.3f | %.2f | %.2f | %.0f× |%n", size,
                    indexed == 0 ? "(already indexed)" : String.format("%.0f", perSecond),
                    percentile(latency, 50), percentile(latency, 99), recall.recallK10, recall.recallAsSearched,
                    recall.exactMs, recall.hnswMs, recall.exactMs / recall.hnswMs);
            out.flush();
        }
        return 0;
    }

    /** Milliseconds per query through the whole searcher, query embedding included, after a warm-up. */
    private static double[] latencies(PhotoStore store, TextEncoder encoder, List<String> queries)
            throws IOException {
        try (PhotoSearcher searcher = PhotoSearcher.open(store.reader(), m -> encoder)) {
            for (String q : queries.subList(0, Math.min(50, queries.size()))) {
                searcher.search(q, 10, 0);
            }
            double[] ms = new double[queries.size()];
            for (int i = 0; i < ms.length; i++) {
                long start = System.nanoTime();
                searcher.search(queries.get(i), 10, 0);
                ms[i] = (System.nanoTime() - start) / 1e6;
            }
            return ms;
        }
    }

    private record Recall(double recallK10, double recallAsSearched, double exactMs, double hnswMs) {}

    /**
     * Share of the exact top 10 that HNSW finds, asked for 10 neighbours and for as many as the searcher asks, and
     * the mean time of the exact scan (over every vector, held in memory) and of HNSW with k=10, on the same query
     * vectors.
     */
    private static Recall hnswRecall(PhotoStore store, TextEncoder encoder, List<String> queries)
            throws IOException {
        try (StoreReader reader = store.reader(); StoreView view = reader.view()) {
            Map<String, float[]> stored = vectors(store, view);
            String model = encoder.model().id();
            List<float[]> vectors = queries.stream().map(encoder::encodeQuery).toList();
            double found = 0;
            double foundAsSearched = 0;
            long exactNanos = 0;
            long hnswNanos = 0;
            for (float[] v : vectors) {
                long t0 = System.nanoTime();
                Set<String> exact = exactTop(stored, v, 10);
                long t1 = System.nanoTime();
                List<Ranked> approx = view.nearest(VectorKind.TEXT, model, v, PhotoFilter.NONE, 10);
                long t2 = System.nanoTime();
                exactNanos += t1 - t0;
                hnswNanos += t2 - t1;
                found += approx.stream().filter(r -> exact.contains(r.id())).count() / 10.0;
                List<Ranked> deeper = view.nearest(VectorKind.TEXT, model, v, PhotoFilter.NONE,
                        PhotoSearcher.CANDIDATES);
                foundAsSearched += deeper.stream().limit(10).filter(r -> exact.contains(r.id())).count() / 10.0;
            }
            int n = vectors.size();
            return new Recall(found / n, foundAsSearched / n, exactNanos / 1e6 / n, hnswNanos / 1e6 / n);
        }
    }

    /**
     * Every stored description vector, by photo id; read through the write side, which fetches photos in batches
     * (a Solr collection answers hundreds per request instead of one).
     */
    private static Map<String, float[]> vectors(PhotoStore store, StoreView view) throws IOException {
        List<String> ids = new ArrayList<>();
        view.forEach(photo -> ids.add(photo.photo().id()));
        Map<String, float[]> vectors = new HashMap<>();
        try (StoreWriter writer = store.writer()) {
            writer.stored(ids).forEach((id, photo) -> {
                if (photo.vector() != null) {
                    vectors.put(id, photo.vector());
                }
            });
        }
        return vectors;
    }

    /** Brute force: the k stored vectors closest to {@code query} by cosine (vectors are unit length). */
    private static Set<String> exactTop(Map<String, float[]> stored, float[] query, int k) {
        PriorityQueue<Ranked> best = new PriorityQueue<>(Comparator.comparingDouble(Ranked::score));
        stored.forEach((id, vector) -> {
            float score = dot(query, vector);
            if (best.size() < k) {
                best.add(new Ranked(id, score));
            } else if (score > best.peek().score()) {
                best.poll();
                best.add(new Ranked(id, score));
            }
        });
        Set<String> ids = new HashSet<>();
        best.forEach(r -> ids.add(r.id()));
        return ids;
    }

    private static float dot(float[] a, float[] b) {
        float sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** The p-th percentile (nearest rank); NaN when there are no values. */
    static double percentile(double[] values, int p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
