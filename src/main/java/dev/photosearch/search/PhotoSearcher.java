package dev.photosearch.search;

import dev.photosearch.embed.ClipQueryEncoder;
import dev.photosearch.embed.TextEncoder;
import dev.photosearch.embed.TextModel;
import dev.photosearch.index.Fields;
import dev.photosearch.index.IndexedPhoto;
import dev.photosearch.index.PhotoIndex;
import dev.photosearch.index.PhotoJson;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Answers a query in plain words: BM25 over the text fields and nearest neighbours of the query's embedding, fused
 * by reciprocal rank. Thread-safe; open one per index and share it.
 */
public final class PhotoSearcher implements Closeable {

    /** Longest query searched; longer text is cut (a description, not a document). */
    public static final int MAX_QUERY_CHARS = 300;
    /** The usual RRF constant: dampens the difference between the very first ranks. */
    private static final int RRF_K = 60;
    /** Candidates each signal returns for a first page: deep enough for fusion and for HNSW's recall. */
    public static final int CANDIDATES = 100;

    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final TextEncoder encoder;
    private final TextQuery textQuery = new TextQuery();
    private final ClipQueryEncoder clip;

    private PhotoSearcher(Directory directory, DirectoryReader reader, TextEncoder encoder, ClipQueryEncoder clip) {
        this.directory = directory;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.encoder = encoder;
        this.clip = clip;
    }

    /**
     * Opens the index in {@code indexDir}; {@code encoders} gives the encoder for the model the index was built
     * with (so a caller can share one already loaded).
     */
    public static PhotoSearcher open(Path indexDir, Function<TextModel, TextEncoder> encoders) throws IOException {
        return open(indexDir, encoders, null);
    }

    /**
     * Opens the index with a third signal, "clip": the query's CLIP text embedding against the photos' CLIP image
     * embeddings of the same model ({@code clip} may be null; the caller closes it).
     */
    public static PhotoSearcher open(Path indexDir, Function<TextModel, TextEncoder> encoders, ClipQueryEncoder clip)
            throws IOException {
        if (!Files.isDirectory(indexDir)) {
            throw new IOException("no index in " + indexDir + ": run 'photosearch index SOURCE' first");
        }
        Directory directory = FSDirectory.open(indexDir);
        try {
            DirectoryReader reader = DirectoryReader.open(directory);
            TextModel model = PhotoIndex.textModel(reader).orElse(TextModel.BGE_SMALL);
            return new PhotoSearcher(directory, reader, encoders.apply(model), clip);
        } catch (IndexNotFoundException e) {
            directory.close();
            throw new IOException("no index in " + indexDir + ": run 'photosearch index SOURCE' first", e);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    /** How many photos the index holds. */
    public int size() {
        return reader.numDocs();
    }

    /** Searches; {@code limit} results from {@code offset}, best first. A blank query is refused. */
    public SearchResults search(String query, int limit, int offset) throws IOException {
        long start = System.nanoTime();
        String text = clean(query);
        if (text.isEmpty()) {
            throw new IllegalArgumentException("the query is empty");
        }
        if (limit < 1 || offset < 0) {
            throw new IllegalArgumentException("limit must be at least 1 and offset at least 0");
        }
        int depth = Math.max(CANDIDATES, offset + limit);
        Map<String, List<ScoreDoc>> rankings = new LinkedHashMap<>();
        Query bm25 = textQuery.build(text);
        if (bm25 != null) {
            rankings.put("text", List.of(searcher.search(bm25, depth).scoreDocs));
        }
        Query knn = new KnnFloatVectorQuery(Fields.VECTOR, encoder.encodeQuery(text), depth,
                new TermQuery(new Term(Fields.VECTOR_MODEL, encoder.model().id())));
        rankings.put("vector", List.of(searcher.search(knn, depth).scoreDocs));
        if (clip != null) {
            Query image = new KnnFloatVectorQuery(Fields.CLIP, clip.encode(text), depth,
                    new TermQuery(new Term(Fields.CLIP_MODEL, clip.modelId())));
            ScoreDoc[] found = searcher.search(image, depth).scoreDocs;
            if (found.length > 0) {
                rankings.put("clip", List.of(found));
            }
        }

        List<Fused> fused = fuse(rankings);
        StoredFields stored = searcher.storedFields();
        List<Hit> hits = new ArrayList<>();
        double best = rankings.size() / (double) (RRF_K + 1);
        for (Fused f : fused.subList(Math.min(offset, fused.size()), Math.min(offset + limit, fused.size()))) {
            IndexedPhoto photo = PhotoJson.read(stored.document(f.doc, Set.of(Fields.STORED)).get(Fields.STORED));
            hits.add(new Hit(photo, f.score / best, f.ranks));
        }
        return new SearchResults(text, fused.size(), hits, (System.nanoTime() - start) / 1_000_000);
    }

    /** Trims, folds runs of white space and control characters, and caps the length. */
    static String clean(String query) {
        String text = query == null ? "" : query.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        if (text.length() > MAX_QUERY_CHARS) {
            int cut = MAX_QUERY_CHARS;
            if (Character.isHighSurrogate(text.charAt(cut - 1))) {
                cut--;
            }
            text = text.substring(0, cut).strip();
        }
        return text;
    }

    /** Reciprocal rank fusion: each signal adds 1 / (k + rank) for every photo it found. */
    private static List<Fused> fuse(Map<String, List<ScoreDoc>> rankings) {
        Map<Integer, Fused> byDoc = new LinkedHashMap<>();
        rankings.forEach((signal, docs) -> {
            for (int i = 0; i < docs.size(); i++) {
                Fused f = byDoc.computeIfAbsent(docs.get(i).doc, Fused::new);
                f.score += 1.0 / (RRF_K + i + 1);
                f.ranks.put(signal, i + 1);
            }
        });
        List<Fused> fused = new ArrayList<>(byDoc.values());
        fused.sort(Comparator.comparingDouble((Fused f) -> -f.score).thenComparingInt(f -> f.doc));
        return fused;
    }

    /** A photo's fused score while ranking. */
    private static final class Fused {
        final int doc;
        final Map<String, Integer> ranks = new LinkedHashMap<>();
        double score;

        Fused(int doc) {
            this.doc = doc;
        }
    }

    @Override
    public void close() throws IOException {
        try (directory) {
            reader.close();
        }
    }
}
