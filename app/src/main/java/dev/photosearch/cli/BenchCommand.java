package dev.photosearch.cli;

import dev.photosearch.embed.TextEncoder;
import dev.photosearch.embed.TextModel;
import dev.photosearch.index.Fields;
import dev.photosearch.index.IndexReport;
import dev.photosearch.index.Indexer;
import dev.photosearch.index.PhotoIndex;
import dev.photosearch.media.MediaLimits;
import dev.photosearch.media.MediaLoader;
import dev.photosearch.search.PhotoSearcher;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.VectorUtil;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code photosearch bench}: index throughput, query latency and HNSW recall on synthetic text-only photos, printed
 * as Markdown rows for docs/benchmarks.md.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure indexing speed, query latency and vector-search recall on synthetic photos.")
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--photos", split = ",", paramLabel = "N[,N...]", defaultValue = "10000,100000",
            description = "Collection sizes to measure (default 10000,100000).")
    List<Integer> sizes;

    @Option(names = "--queries", paramLabel = "N", defaultValue = "500", description = "Queries per size.")
    int queries;

    @Option(names = "--text-model", paramLabel = "NAME", defaultValue = "bge-small-en-v1.5-q",
            description = "Text embedding model.")
    String textModel;

    @Option(names = "--work", paramLabel = "DIR", description = "Scratch folder (default: a temporary folder).")
    Path work;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        TextEncoder encoder = TextEncoder.load(TextModel.byName(textModel));
        Path scratch = work != null ? Files.createDirectories(work) : Files.createTempDirectory("photosearch-bench");
        int cores = Runtime.getRuntime().availableProcessors();
        out.printf("model %s, %d cores, %d queries per size%n", encoder.model().id(), cores, queries);
        out.println("| photos | index records/s | query p50 ms | query p99 ms | HNSW recall@10 (k=10) "
                + "| HNSW recall@10 (k=" + PhotoSearcher.CANDIDATES + ", as searched) | exact scan ms | HNSW ms (k=10) "
                + "| speed-up |");
        out.println("|---|---|---|---|---|---|---|---|---|");
        for (int size : sizes) {
            Path home = scratch.resolve("home-" + size);
            IndexReport report;
            try (PhotoIndex index = PhotoIndex.open(home.resolve("index"));
                    Indexer indexer = new Indexer(index, new MediaLoader(home.resolve("thumbnails"),
                            MediaLimits.DEFAULTS), List.of(), encoder, cores)) {
                report = indexer.index(new SyntheticPhotos(size, 42), (done, total) -> {});
            }
            int indexed = report.added() + report.updated();
            double perSecond = indexed == 0 ? Double.NaN : indexed / (report.elapsed().toNanos() / 1e9);
            List<String> qs = SyntheticPhotos.queries(queries, size);
            double[] latency = latencies(home.resolve("index"), encoder, qs);
            Recall recall = hnswRecall(home.resolve("index"), encoder, qs);
            out.printf("| %,d | %s | %.1f | %.1f | %.3f | %.3f | %.2f | %.2f | %.0f× |%n", size,
                    indexed == 0 ? "(already indexed)" : String.format("%.0f", perSecond),
                    percentile(latency, 50), percentile(latency, 99), recall.recallK10, recall.recallAsSearched,
                    recall.exactMs, recall.hnswMs, recall.exactMs / recall.hnswMs);
            out.flush();
        }
        return 0;
    }

    /** Milliseconds per query through the whole searcher, query embedding included, after a warm-up. */
    private static double[] latencies(Path index, TextEncoder encoder, List<String> queries) throws IOException {
        try (PhotoSearcher searcher = PhotoSearcher.open(index, m -> encoder)) {
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
     * the mean time of the exact scan and of HNSW with k=10, on the same query vectors.
     */
    private static Recall hnswRecall(Path index, TextEncoder encoder, List<String> queries) throws IOException {
        try (var dir = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(dir)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            List<float[]> vectors = queries.stream().map(encoder::encodeQuery).toList();
            double found = 0;
            double foundAsSearched = 0;
            long exactNanos = 0;
            long hnswNanos = 0;
            for (float[] v : vectors) {
                long t0 = System.nanoTime();
                Set<Integer> exact = exactTop(reader, v, 10);
                long t1 = System.nanoTime();
                ScoreDoc[] approx = searcher.search(new KnnFloatVectorQuery(Fields.VECTOR, v, 10), 10).scoreDocs;
                long t2 = System.nanoTime();
                exactNanos += t1 - t0;
                hnswNanos += t2 - t1;
                found += Arrays.stream(approx).filter(d -> exact.contains(d.doc)).count() / 10.0;
                ScoreDoc[] deeper = searcher.search(
                        new KnnFloatVectorQuery(Fields.VECTOR, v, PhotoSearcher.CANDIDATES), 10).scoreDocs;
                foundAsSearched += Arrays.stream(deeper).filter(d -> exact.contains(d.doc)).count() / 10.0;
            }
            int n = vectors.size();
            return new Recall(found / n, foundAsSearched / n, exactNanos / 1e6 / n, hnswNanos / 1e6 / n);
        }
    }

    /** Brute force: the k stored vectors closest to {@code query} by cosine (vectors are unit length). */
    private static Set<Integer> exactTop(DirectoryReader reader, float[] query, int k) throws IOException {
        PriorityQueue<ScoreDoc> best = new PriorityQueue<>(Comparator.comparingDouble(d -> d.score));
        for (LeafReaderContext leaf : reader.leaves()) {
            FloatVectorValues values = leaf.reader().getFloatVectorValues(Fields.VECTOR);
            if (values == null) {
                continue;
            }
            var live = leaf.reader().getLiveDocs();
            for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                if (live != null && !live.get(doc)) {
                    continue;
                }
                float score = VectorUtil.dotProduct(query, values.vectorValue());
                if (best.size() < k) {
                    best.add(new ScoreDoc(leaf.docBase + doc, score));
                } else if (score > best.peek().score) {
                    best.poll();
                    best.add(new ScoreDoc(leaf.docBase + doc, score));
                }
            }
        }
        Set<Integer> docs = new HashSet<>();
        best.forEach(d -> docs.add(d.doc));
        return docs;
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
