package dev.photosearch.search;

import com.sun.management.OperatingSystemMXBean;
import dev.photosearch.embed.TextEncoder;
import dev.photosearch.embed.TextModel;
import dev.photosearch.index.Fields;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.FSDirectory;

/**
 * Where the CPU of one search goes: the query embedding (process CPU, since ONNX Runtime may use its own threads),
 * BM25, HNSW and reading 20 stored photos (this thread's CPU and the memory it allocates, which the garbage
 * collector pays for with pauses), over passes of new queries; later passes show the steady state once the JIT has
 * compiled the code. Usage: SearchCosts HOME/index QUERIES.txt (one query a line).
 */
public final class SearchCosts {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final OperatingSystemMXBean SYSTEM =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final int PASSES = 8;
    private static final int PER_PASS = 300;

    public static void main(String[] args) throws Exception {
        List<String> queries = Files.readAllLines(Path.of(args[1]));
        TextEncoder encoder = TextEncoder.load(TextModel.BGE_SMALL);
        TextQuery textQuery = new TextQuery();
        QueryTranslator translator = new QueryTranslator();
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(Path.of(args[0])))) {
            IndexSearcher searcher = new IndexSearcher(reader);
            System.out.println("| pass | embedding | BM25 | HNSW top 100 | 20 stored photos | KB allocated by the last"
                    + " three |");
            System.out.println("|---|---|---|---|---|---|");
            for (int pass = 0; pass < PASSES; pass++) {
                int from = pass * PER_PASS % queries.size();
                List<String> texts = queries.subList(from, Math.min(queries.size(), from + PER_PASS));
                long cpu = SYSTEM.getProcessCpuTime();
                List<float[]> vectors = texts.stream().map(encoder::encodeQuery).toList();
                double embedding = (SYSTEM.getProcessCpuTime() - cpu) / 1e6 / texts.size();
                long allocated = THREADS.getCurrentThreadAllocatedBytes();
                long thread = THREADS.getCurrentThreadCpuTime();
                for (String text : texts) {
                    Query bm25 = textQuery.build(translator.translate(text));
                    if (bm25 != null) {
                        searcher.search(bm25, PhotoSearcher.CANDIDATES);
                    }
                }
                double words = (THREADS.getCurrentThreadCpuTime() - thread) / 1e6 / texts.size();
                thread = THREADS.getCurrentThreadCpuTime();
                ScoreDoc[] found = new ScoreDoc[0];
                for (float[] vector : vectors) {
                    found = searcher.search(new KnnFloatVectorQuery(Fields.VECTOR, vector, PhotoSearcher.CANDIDATES),
                            PhotoSearcher.CANDIDATES).scoreDocs;
                }
                double knn = (THREADS.getCurrentThreadCpuTime() - thread) / 1e6 / texts.size();
                thread = THREADS.getCurrentThreadCpuTime();
                for (int i = 0; i < texts.size() && found.length > 0; i++) {
                    StoredFields fields = searcher.storedFields();
                    for (int j = 0; j < 20; j++) {
                        fields.document(found[(i + j) % found.length].doc, Set.of(Fields.STORED));
                    }
                }
                double stored = (THREADS.getCurrentThreadCpuTime() - thread) / 1e6 / texts.size();
                long kilobytes = (THREADS.getCurrentThreadAllocatedBytes() - allocated) / 1024 / texts.size();
                System.out.printf("| %d | %.2f | %.2f | %.2f | %.2f | %d |%n", pass + 1, embedding, words, knn, stored,
                        kilobytes);
            }
        }
    }
}
