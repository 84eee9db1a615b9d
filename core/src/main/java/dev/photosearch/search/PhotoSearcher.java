package dev.photosearch.search;

import dev.photosearch.embed.ClipQueryEncoder;
import dev.photosearch.embed.QueryText;
import dev.photosearch.embed.TextEncoder;
import dev.photosearch.embed.TextModel;
import dev.photosearch.index.Fields;
import dev.photosearch.index.IndexedPhoto;
import dev.photosearch.index.PhotoIndex;
import dev.photosearch.index.PhotoJson;
import dev.photosearch.index.StoredVectors;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.HashMap;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;

/**
 * Answers a query in plain words: BM25 over the text fields, nearest neighbours of the query's embedding and, when
 * a CLIP model is given, nearest CLIP image vectors of the query's CLIP text embedding, fused by weighted
 * reciprocal rank. Thread-safe; open one per index and share it.
 */
public final class PhotoSearcher implements Closeable {

    /** Longest query searched; longer text is cut (a description, not a document). */
    public static final int MAX_QUERY_CHARS = 300;
    /** Candidates each signal returns for a first page: deep enough for fusion and for HNSW's recall. */
    public static final int CANDIDATES = 100;
    /** Distinct recent queries whose embeddings are kept (384 floats each: about 1.5 MB in all). */
    private static final int QUERY_VECTORS_KEPT = 1024;
    /** Recent result pages kept (a page of 20 photos is some tens of kilobytes). */
    private static final int PAGES_KEPT = 256;

    private final Directory directory;
    private final SearcherManager manager;
    private final TextEncoder encoder;
    private final TextQuery textQuery = new TextQuery();
    private final QueryTranslator translator = new QueryTranslator();
    private final QueryVectors queryVectors;
    private final ResultPages pages = new ResultPages(PAGES_KEPT);
    private final ClipQueryEncoder clip;
    private final Fusion fusion;

    private PhotoSearcher(Directory directory, SearcherManager manager, TextEncoder encoder, ClipQueryEncoder clip,
            Fusion fusion) {
        this.directory = directory;
        this.manager = manager;
        this.encoder = encoder;
        this.queryVectors = new QueryVectors(encoder, QUERY_VECTORS_KEPT);
        this.clip = clip;
        this.fusion = fusion;
    }

    /**
     * Opens the index in {@code indexDir}; {@code encoders} gives the encoder for the model the index was built
     * with (so a caller can share one already loaded).
     */
    public static PhotoSearcher open(Path indexDir, Function<TextModel, TextEncoder> encoders) throws IOException {
        return open(indexDir, encoders, null, Fusion.DEFAULT);
    }

    /** Opens the index with another way of fusing the signals, for experiments and evaluation. */
    public static PhotoSearcher open(Path indexDir, Function<TextModel, TextEncoder> encoders, Fusion fusion)
            throws IOException {
        return open(indexDir, encoders, null, fusion);
    }

    /**
     * Opens the index with a third signal, "clip": the query's CLIP text embedding against the photos' CLIP image
     * embeddings of the same model ({@code clip} may be null; the caller closes it).
     */
    public static PhotoSearcher open(Path indexDir, Function<TextModel, TextEncoder> encoders, ClipQueryEncoder clip)
            throws IOException {
        return open(indexDir, encoders, clip, Fusion.DEFAULT);
    }

    /** Opens the index with the CLIP signal (when {@code clip} is not null) and the given fusion. */
    public static PhotoSearcher open(Path indexDir, Function<TextModel, TextEncoder> encoders, ClipQueryEncoder clip,
            Fusion fusion) throws IOException {
        return IndexDirectory.open(indexDir, directory -> {
            SearcherManager manager = new SearcherManager(directory, null);
            try {
                TextModel model;
                IndexSearcher searcher = manager.acquire();
                try {
                    model = PhotoIndex.textModel((DirectoryReader) searcher.getIndexReader())
                            .orElse(TextModel.BGE_SMALL);
                } finally {
                    manager.release(searcher);
                }
                return new PhotoSearcher(directory, manager, encoders.apply(model), clip, fusion);
            } catch (IOException | RuntimeException e) {
                manager.close();
                throw e;
            }
        });
    }

    /** Makes the latest commit visible to the searches that start after this returns. */
    public void refresh() throws IOException {
        manager.maybeRefreshBlocking();
    }

    /** The text model of the query encoder. */
    public TextModel model() {
        return encoder.model();
    }

    /** How many photos the index holds. */
    public int size() throws IOException {
        return withSearcher(searcher -> searcher.getIndexReader().numDocs());
    }

    /** Searches; {@code limit} results from {@code offset}, best first. A blank query is refused. */
    public SearchResults search(String query, int limit, int offset) throws IOException {
        return search(SearchRequest.of(query, limit, offset));
    }

    /** Searches with filters and order; every signal sees only the photos the filters let through. */
    public SearchResults search(SearchRequest request) throws IOException {
        long start = System.nanoTime();
        String text = clean(request.query());
        if (text.isEmpty()) {
            throw new IllegalArgumentException("the query is empty");
        }
        SearchRequest key = new SearchRequest(text, request.limit(), request.offset(), request.source(),
                request.from(), request.to(), request.sort());
        return withSearcher(searcher -> {
            SearchResults known = pages.get(searcher.getIndexReader(), key);
            if (known != null) {
                return new SearchResults(text, known.total(), known.hits(), (System.nanoTime() - start) / 1_000_000);
            }
            int depth = Math.max(CANDIDATES, request.offset() + request.limit());
            Query filter = SearchFilter.of(request);
            Map<String, List<ScoreDoc>> rankings = new LinkedHashMap<>();
            QueryText query = translator.translate(text);
            Query bm25 = fusion.weight("text") > 0 ? textQuery.build(query) : null;
            if (bm25 != null) {
                rankings.put("text", List.of(searcher.search(SearchFilter.restrict(bm25, filter), depth).scoreDocs));
            }
            if (fusion.weight("vector") > 0) {
                Query knn = new KnnFloatVectorQuery(Fields.VECTOR, queryVectors.of(query.english()), depth,
                        vectorFilter(searcher.getIndexReader(), filter));
                rankings.put("vector", List.of(searcher.search(knn, depth).scoreDocs));
            }
            if (clip != null && fusion.weight("clip") > 0) {
                Query image = new KnnFloatVectorQuery(Fields.CLIP, clip.encode(query), depth, SearchFilter.restrict(
                        new TermQuery(new Term(Fields.CLIP_MODEL, clip.modelId())), filter));
                ScoreDoc[] found = searcher.search(image, depth).scoreDocs;
                // An index without this model's image vectors leaves the other signals' scores as they were.
                if (found.length > 0) {
                    rankings.put("clip", List.of(found));
                }
            }

            List<Fused> fused = fuse(rankings);
            if (request.sort() == SearchRequest.Sort.DATE) {
                sortByDate(searcher, fused);
            }
            double best = rankings.keySet().stream().mapToDouble(fusion::weight).sum() / (fusion.k() + 1);
            List<Fused> page = fused.subList(Math.min(request.offset(), fused.size()),
                    Math.min(request.offset() + request.limit(), fused.size()));
            List<Hit> hits = new ArrayList<>();
            StoredFields fields = searcher.storedFields();
            for (Fused f : page) {
                hits.add(new Hit(stored(fields, f.doc), f.score / best, f.ranks));
            }
            SearchResults results = new SearchResults(text, fused.size(), hits,
                    (System.nanoTime() - start) / 1_000_000);
            pages.put(searcher.getIndexReader(), key, results);
            return results;
        });
    }

    /** The stored photo with this id, if the index has it. */
    public Optional<IndexedPhoto> find(String id) throws IOException {
        return withSearcher(searcher -> {
            ScoreDoc[] docs = searcher.search(idQuery(id), 1).scoreDocs;
            return docs.length == 0 ? Optional.empty() : Optional.of(stored(searcher.storedFields(), docs[0].doc));
        });
    }

    /**
     * The photos whose stored description vectors are nearest to that of the photo {@code id}, itself excluded,
     * best first; each hit's score is Lucene's cosine score (1 + cos) / 2 and {@code matched} holds its rank under
     * "similar". Empty when the photo is unknown; an empty list when it has no vector (no description).
     */
    public Optional<List<Hit>> similar(String id, int limit) throws IOException {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        return withSearcher(searcher -> {
            ScoreDoc[] docs = searcher.search(idQuery(id), 1).scoreDocs;
            if (docs.length == 0) {
                return Optional.empty();
            }
            Optional<float[]> vector = StoredVectors.read(searcher.getIndexReader(), docs[0].doc, Fields.VECTOR);
            if (vector.isEmpty()) {
                return Optional.of(List.of());
            }
            Query others = new BooleanQuery.Builder()
                    .add(modelFilter(), BooleanClause.Occur.FILTER)
                    .add(idQuery(id), BooleanClause.Occur.MUST_NOT)
                    .build();
            Query nearest = new KnnFloatVectorQuery(Fields.VECTOR, vector.get(), limit, others);
            ScoreDoc[] near = searcher.search(nearest, limit).scoreDocs;
            List<Hit> hits = new ArrayList<>();
            StoredFields fields = searcher.storedFields();
            for (int i = 0; i < near.length; i++) {
                hits.add(new Hit(stored(fields, near[i].doc), near[i].score, Map.of("similar", i + 1)));
            }
            return Optional.of(hits);
        });
    }

    /** Every indexed source key with how many photos it has, in key order. */
    public Map<String, Integer> sources() throws IOException {
        return withSearcher(searcher -> PhotoIndex.sources(searcher.getIndexReader()));
    }

    /** Work done with one point-in-time view of the index. */
    @FunctionalInterface
    private interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherWork<T> work) throws IOException {
        IndexSearcher searcher = manager.acquire();
        try {
            return work.apply(searcher);
        } finally {
            manager.release(searcher);
        }
    }

    /**
     * What the description vectors of a search must be restricted to: {@code filter} alone when every vector of
     * the index is of the searcher's model (the usual case), which spares HNSW a bit set of the whole index per
     * segment; else that model's vectors within {@code filter}.
     */
    private Query vectorFilter(IndexReader reader, Query filter) throws IOException {
        Term model = modelTerm();
        for (LeafReaderContext leaf : reader.leaves()) {
            FloatVectorValues vectors = leaf.reader().getFloatVectorValues(Fields.VECTOR);
            // Both counts include deleted photos, so they match exactly when every vector is of this model.
            if (vectors != null && vectors.size() != leaf.reader().docFreq(model)) {
                return SearchFilter.restrict(modelFilter(), filter);
            }
        }
        return filter;
    }

    private Query modelFilter() {
        return new TermQuery(modelTerm());
    }

    /** The tag of the vectors made by the searcher's text model. */
    private Term modelTerm() {
        return new Term(Fields.VECTOR_MODEL, encoder.model().id());
    }

    private static Query idQuery(String id) {
        return new TermQuery(new Term(Fields.ID, id));
    }

    /** The stored photo; one {@code fields} serves a whole page, since each one holds its own decompression buffers. */
    private static IndexedPhoto stored(StoredFields fields, int doc) throws IOException {
        return PhotoJson.read(fields.document(doc, Set.of(Fields.STORED)).get(Fields.STORED));
    }

    /** Newest first by taken_at; photos without a date last; the fused order breaks ties. */
    private static void sortByDate(IndexSearcher searcher, List<Fused> fused) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        Map<Integer, Long> dates = new HashMap<>();
        for (Fused f : fused) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(f.doc, leaves));
            NumericDocValues values = DocValues.getNumeric(leaf.reader(), Fields.TAKEN_AT);
            dates.put(f.doc, values.advanceExact(f.doc - leaf.docBase) ? values.longValue() : Long.MIN_VALUE);
        }
        fused.sort(Comparator.comparingLong((Fused f) -> dates.get(f.doc)).reversed());
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

    /** Reciprocal rank fusion: each signal adds weight / (k + rank) for every photo it found. */
    private List<Fused> fuse(Map<String, List<ScoreDoc>> rankings) {
        Map<Integer, Fused> byDoc = new LinkedHashMap<>();
        rankings.forEach((signal, docs) -> {
            for (int i = 0; i < docs.size(); i++) {
                Fused f = byDoc.computeIfAbsent(docs.get(i).doc, Fused::new);
                f.score += fusion.weight(signal) / (fusion.k() + i + 1);
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
            manager.close();
        }
    }
}
