package dev.photosearch.search;

import dev.photosearch.embed.TextEncoder;
import dev.photosearch.embed.TextModel;
import dev.photosearch.index.Fields;
import dev.photosearch.index.IndexedPhoto;
import dev.photosearch.index.PhotoIndex;
import dev.photosearch.index.PhotoJson;
import dev.photosearch.media.Media;
import dev.photosearch.vision.Describer;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.FSDirectory;

/**
 * Measures descriptions and fusions in memory, without re-indexing: re-describes every photo of an index from its
 * stored analyses with the current {@link Describer}, embeds the descriptions, ranks each judged query by words
 * (BM25 over the index's own text fields) and by meaning (exact cosine), then scores several ways of fusing the
 * two — weighted reciprocal rank, weighted sums of normalised scores, and weights fitted on one half of the photos
 * — on all queries and on the train2017 / val2017 halves, so that a choice made on one half is reported on the
 * other. Usage: RankingLab HOME/index queries.jsonl [query-vector-cache-file].
 */
public final class RankingLab {

    private static final int DEPTH = 100;

    /** One judged query's two rankings: score per photo index, for the photos each signal found. */
    record Ranked(String relevant, Map<Integer, Double> text, Map<Integer, Double> vector,
            Map<Integer, Integer> textRank, Map<Integer, Integer> vectorRank) {
        Ranked(String relevant, Map<Integer, Double> text, Map<Integer, Double> vector) {
            this(relevant, text, vector, ranks(text), ranks(vector));
        }
    }

    private static Map<Integer, Integer> ranks(Map<Integer, Double> scores) {
        Map<Integer, Integer> ranks = new HashMap<>();
        scores.entrySet().stream().sorted(Map.Entry.<Integer, Double>comparingByValue().reversed()).limit(DEPTH)
                .forEach(e -> ranks.put(e.getKey(), ranks.size() + 1));
        return ranks;
    }

    public static void main(String[] args) throws Exception {
        List<Evaluation.Judged> judged = Evaluation.read(Path.of(args[1]));
        List<IndexedPhoto> photos = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        Map<Integer, Integer> luceneToPhoto = new HashMap<>();
        List<Ranked> ranked = new ArrayList<>();
        try (var dir = FSDirectory.open(Path.of(args[0])); DirectoryReader reader = DirectoryReader.open(dir)) {
            TextModel model = PhotoIndex.textModel(reader).orElse(TextModel.BGE_SMALL);
            for (LeafReaderContext leaf : reader.leaves()) {
                StoredFields stored = leaf.reader().storedFields();
                var live = leaf.reader().getLiveDocs();
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    if (live == null || live.get(doc)) {
                        luceneToPhoto.put(leaf.docBase + doc, photos.size());
                        IndexedPhoto p = PhotoJson.read(stored.document(doc, Set.of(Fields.STORED)).get(Fields.STORED));
                        photos.add(p);
                        paths.add(p.photo().path());
                    }
                }
            }
            Describer describer = new Describer();
            List<String> texts = photos.stream().map(p -> describer.describe(p.photo(),
                    new Media(p.facts(), null, null, p.mediaProblem()), p.analyses()).searched()).toList();
            if (System.getProperty("lab.print") != null) {
                for (int i = 0; i < photos.size(); i++) {
                    System.out.println(paths.get(i) + "\t" + texts.get(i));
                }
            }
            long start = System.nanoTime();
            TextEncoder encoder = TextEncoder.load(model);
            List<float[]> docVectors = encoder.encodeDocuments(texts);
            System.out.printf(Locale.ROOT, "%d photos described and embedded in %.1f s%n", photos.size(),
                    (System.nanoTime() - start) / 1e9);
            // Optional: each photo's sentence parts embedded alone, a photo scoring its best part (multi-vector).
            double multi = Double.parseDouble(System.getProperty("lab.multi", "0"));
            List<List<float[]>> partVectors = new ArrayList<>();
            if (multi > 0) {
                for (String t : texts) {
                    List<String> parts = java.util.Arrays.stream(t.split("; |\\. ")).filter(x -> x.length() > 3).toList();
                    partVectors.add(parts.isEmpty() ? List.of() : encoder.encodeDocuments(parts));
                }
            }
            List<float[]> queryVectors = queryVectors(encoder, judged, args.length > 2 ? Path.of(args[2]) : null);

            IndexSearcher searcher = new IndexSearcher(reader);
            TextQuery textQuery = new TextQuery();
            QueryTranslator translator = new QueryTranslator();
            for (int q = 0; q < judged.size(); q++) {
                Map<Integer, Double> text = new LinkedHashMap<>();
                Query bm25 = textQuery.build(translator.translate(PhotoSearcher.clean(judged.get(q).query())));
                if (bm25 != null) {
                    for (ScoreDoc sd : searcher.search(bm25, DEPTH).scoreDocs) {
                        text.put(luceneToPhoto.get(sd.doc), (double) sd.score);
                    }
                }
                Map<Integer, Double> vector = new HashMap<>();
                for (int i = 0; i < photos.size(); i++) {
                    double cos = dot(queryVectors.get(q), docVectors.get(i));
                    if (multi > 0) {
                        double best = 0;
                        for (float[] part : partVectors.get(i)) {
                            best = Math.max(best, dot(queryVectors.get(q), part));
                        }
                        cos = (1 - multi) * cos + multi * best;
                    }
                    vector.put(i, cos);
                }
                ranked.add(new Ranked(judged.get(q).relevant().iterator().next(), text, vector));
            }
        }
        report(ranked, paths);
    }

    private static void report(List<Ranked> ranked, List<String> paths) {
        Map<String, Predicate<Ranked>> splits = new LinkedHashMap<>();
        splits.put("all", r -> true);
        splits.put("train2017", r -> r.relevant().startsWith("train2017/"));
        splits.put("val2017", r -> r.relevant().startsWith("val2017/"));
        Map<String, Fuser> fusers = new LinkedHashMap<>();
        for (double w : new double[] {0, 0.1, 0.2, 0.3, 0.5, 1}) {
            fusers.put(String.format(Locale.ROOT, "RRF words %.1f", w), (r, doc) -> rrf(r, doc, w, 1));
        }
        // Query-aware: words weigh more when BM25 singles out a few photos (its best score well above its tenth).
        for (double ratio : new double[] {1.3, 1.6, 2.0}) {
            for (double[] w : new double[][] {{0.5, 0.1}, {0.3, 0.1}, {1.0, 0.2}}) {
                fusers.put(String.format(Locale.ROOT, "RRF words %.1f if best/10th >= %.1f else %.1f", w[0], ratio,
                        w[1]), (r, doc) -> rrf(r, doc, peaked(r, ratio) ? w[0] : w[1], 1));
            }
        }
        fusers.put("RRF words only", (r, doc) -> rrf(r, doc, 1, 0));
        for (double w : new double[] {0.02, 0.05, 0.1, 0.2, 0.3}) {
            fusers.put(String.format(Locale.ROOT, "sum words %.2f", w), (r, doc) -> sum(r, doc, w));
        }
        System.out.println("fusion\tsplit\tqueries\trecall@1\trecall@5\trecall@10\tMRR");
        fusers.forEach((name, fuser) -> splits.forEach((split, in) -> {
            List<Ranked> part = ranked.stream().filter(in).toList();
            double[] s = score(part, paths, fuser);
            System.out.printf(Locale.ROOT, "%s\t%s\t%d\t%.3f\t%.3f\t%.3f\t%.3f%n", name, split, part.size(),
                    s[0], s[1], s[2], s[3]);
        }));
        fitted(ranked, paths, splits);
    }

    /** A photo's fused score for one query. */
    interface Fuser {
        double score(Ranked r, int doc);
    }

    private static boolean peaked(Ranked r, double ratio) {
        List<Double> top = r.text().values().stream().sorted(java.util.Comparator.reverseOrder()).limit(10).toList();
        return top.size() >= 10 && top.get(0) >= ratio * top.get(9);
    }

    private static double rrf(Ranked r, int doc, double textWeight, double vectorWeight) {
        return textWeight * reciprocal(r.textRank(), doc) + vectorWeight * reciprocal(r.vectorRank(), doc);
    }

    private static double reciprocal(Map<Integer, Integer> ranks, int doc) {
        Integer rank = ranks.get(doc);
        return rank == null ? 0 : 1.0 / (Fusion.DEFAULT.k() + rank);
    }

    /** Cosine plus the BM25 score divided by the query's best BM25 score, weighted. */
    private static double sum(Ranked r, int doc, double textWeight) {
        double best = r.text().values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
        return r.vector().getOrDefault(doc, 0.0) + textWeight * r.text().getOrDefault(doc, 0.0) / best;
    }

    /**
     * Weights of (cosine, normalised BM25, RRF words, RRF meaning) fitted by a pairwise logistic loss on one half of
     * the photos (the relevant photo against every other photo the signals found) and scored on the other half.
     */
    private static void fitted(List<Ranked> ranked, List<String> paths, Map<String, Predicate<Ranked>> splits) {
        for (String[] pair : new String[][] {{"train2017", "val2017"}, {"val2017", "train2017"}}) {
            List<Ranked> train = ranked.stream().filter(splits.get(pair[0])).toList();
            double[] w = new double[4];
            double rate = 0.5;
            for (int epoch = 0; epoch < 60; epoch++) {
                double[] grad = new double[4];
                int n = 0;
                for (Ranked r : train) {
                    int rel = paths.indexOf(r.relevant());
                    double[] fr = features(r, rel);
                    for (int doc : candidates(r)) {
                        if (doc == rel) {
                            continue;
                        }
                        double[] fo = features(r, doc);
                        double margin = 0;
                        for (int i = 0; i < 4; i++) {
                            margin += w[i] * (fr[i] - fo[i]);
                        }
                        double g = -1 / (1 + Math.exp(margin));
                        for (int i = 0; i < 4; i++) {
                            grad[i] += g * (fr[i] - fo[i]);
                        }
                        n++;
                    }
                }
                for (int i = 0; i < 4; i++) {
                    w[i] -= rate * grad[i] / n * 100;
                }
            }
            double[] weights = w.clone();
            Fuser fuser = (r, doc) -> {
                double[] f = features(r, doc);
                double s = 0;
                for (int i = 0; i < 4; i++) {
                    s += weights[i] * f[i];
                }
                return s;
            };
            List<Ranked> test = ranked.stream().filter(splits.get(pair[1])).toList();
            double[] s = score(test, paths, fuser);
            System.out.printf(Locale.ROOT, "learned on %s (cos %.2f, bm25 %.2f, rrf-words %.1f, rrf-meaning %.1f)"
                    + "\t%s\t%d\t%.3f\t%.3f\t%.3f\t%.3f%n", pair[0], w[0], w[1], w[2], w[3], pair[1], test.size(),
                    s[0], s[1], s[2], s[3]);
        }
    }

    private static double[] features(Ranked r, int doc) {
        double best = r.text().values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
        return new double[] {r.vector().getOrDefault(doc, 0.0), r.text().getOrDefault(doc, 0.0) / best,
            60 * reciprocal(r.textRank(), doc), 60 * reciprocal(r.vectorRank(), doc)};
    }

    private static Set<Integer> candidates(Ranked r) {
        Set<Integer> all = new java.util.HashSet<>(r.textRank().keySet());
        all.addAll(r.vectorRank().keySet());
        return all;
    }

    /** recall@1, @5, @10 and MRR (0 beyond rank 100) of a fusion. */
    private static double[] score(List<Ranked> ranked, List<String> paths, Fuser fuser) {
        int[] at = new int[ranked.size()];
        for (int q = 0; q < ranked.size(); q++) {
            Ranked r = ranked.get(q);
            int rel = paths.indexOf(r.relevant());
            double mine = fuser.score(r, rel);
            int rank = 1;
            for (int doc : candidates(r)) {
                // Ties go against the relevant photo: no fusion gets credit for a coin toss.
                rank += doc != rel && fuser.score(r, doc) >= mine ? 1 : 0;
            }
            at[q] = rel < 0 || rank > DEPTH ? 0 : rank;
        }
        Evaluation.Scores s = Evaluation.score(at);
        return new double[] {s.recallAt1(), s.recallAt5(), s.recallAt10(), s.mrr()};
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Query embeddings, read from {@code cache} when it holds the same queries, else encoded and saved there. */
    private static List<float[]> queryVectors(TextEncoder encoder, List<Evaluation.Judged> judged, Path cache)
            throws IOException {
        String key = encoder.model().id() + "\n" + judged.stream().map(Evaluation.Judged::query).toList();
        if (cache != null && Files.exists(cache)) {
            try (var in = new DataInputStream(Files.newInputStream(cache))) {
                if (in.readUTF().equals(Integer.toHexString(key.hashCode()))) {
                    List<float[]> vectors = new ArrayList<>();
                    for (int q = 0; q < judged.size(); q++) {
                        float[] v = new float[in.readInt()];
                        for (int i = 0; i < v.length; i++) {
                            v[i] = in.readFloat();
                        }
                        vectors.add(v);
                    }
                    return vectors;
                }
            }
        }
        List<float[]> vectors = judged.stream().map(j -> encoder.encodeQuery(PhotoSearcher.clean(j.query()))).toList();
        if (cache != null) {
            try (var out = new DataOutputStream(Files.newOutputStream(cache))) {
                out.writeUTF(Integer.toHexString(key.hashCode()));
                for (float[] v : vectors) {
                    out.writeInt(v.length);
                    for (float f : v) {
                        out.writeFloat(f);
                    }
                }
            }
        }
        return vectors;
    }

    private RankingLab() {}
}
