package dev.photosearch.index;

import dev.photosearch.embed.TextModel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * One point-in-time view of the embedded index, for one search: every call reads the same commit. It remembers the
 * document of each photo it ranked, so that reading the page afterwards costs no look-up.
 */
final class LuceneView implements StoreView {

    /** Gives the searcher back to its manager. */
    @FunctionalInterface
    interface Release {
        void release() throws IOException;
    }

    private static final Sort SCORE_THEN_ID =
            new Sort(SortField.FIELD_SCORE, new SortField(Fields.ID, SortField.Type.STRING));

    private final IndexSearcher searcher;
    private final LuceneText text;
    private final Release release;
    private final Map<String, Integer> docs = new HashMap<>();

    LuceneView(IndexSearcher searcher, LuceneText text, Release release) {
        this.searcher = searcher;
        this.text = text;
        this.release = release;
    }

    @Override
    public Object version() {
        return reader().getReaderCacheHelper().getKey();
    }

    @Override
    public int size() {
        return reader().numDocs();
    }

    @Override
    public Optional<TextModel> textModel() throws IOException {
        return IndexFormat.textModel(((DirectoryReader) reader()).getIndexCommit().getUserData());
    }

    @Override
    public Map<String, Integer> sources() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (LeafReaderContext leaf : reader().leaves()) {
            Terms terms = leaf.reader().terms(Fields.SOURCE);
            if (terms != null) {
                TermsEnum it = terms.iterator();
                for (BytesRef term = it.next(); term != null; term = it.next()) {
                    keys.add(term.utf8ToString());
                }
            }
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String key : keys) {
            // Terms still list deleted photos until a merge: count live ones.
            int count = searcher.count(new TermQuery(new Term(Fields.SOURCE, key)));
            if (count > 0) {
                counts.put(key, count);
            }
        }
        return counts;
    }

    @Override
    public List<Ranked> matching(TextWords words, PhotoFilter filter, int depth) throws IOException {
        Query query = text.build(words);
        if (query == null) {
            return List.of();
        }
        // Ties broken by id within the search, not after it: which of many equal scores make the cut is the same
        // in every store.
        return ranked(searcher.search(LuceneFilter.restrict(query, LuceneFilter.of(filter)), depth, SCORE_THEN_ID,
                true).scoreDocs);
    }

    @Override
    public List<Ranked> nearest(VectorKind kind, String model, float[] vector, PhotoFilter filter, int depth)
            throws IOException {
        Query restriction = switch (kind) {
            case TEXT -> textVectorFilter(model, LuceneFilter.of(filter));
            case CLIP -> LuceneFilter.restrict(new TermQuery(new Term(Fields.CLIP_MODEL, model)),
                    LuceneFilter.of(filter));
        };
        String field = kind == VectorKind.TEXT ? Fields.VECTOR : Fields.CLIP;
        return ranked(searcher.search(new KnnFloatVectorQuery(field, vector, depth, restriction), depth).scoreDocs);
    }

    @Override
    public Map<String, IndexedPhoto> photos(Collection<String> ids) throws IOException {
        Map<String, IndexedPhoto> photos = new LinkedHashMap<>();
        // One StoredFields serves the whole page, since each holds its own decompression buffers.
        StoredFields fields = searcher.storedFields();
        for (String id : ids) {
            Integer doc = doc(id);
            if (doc != null) {
                photos.put(id, PhotoJson.read(fields.document(doc, Set.of(Fields.STORED)).get(Fields.STORED)));
            }
        }
        return photos;
    }

    @Override
    public Map<String, Long> takenAt(Collection<String> ids) throws IOException {
        List<LeafReaderContext> leaves = reader().leaves();
        Map<String, Long> dates = new HashMap<>();
        for (String id : ids) {
            Integer doc = doc(id);
            if (doc != null) {
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                NumericDocValues values = DocValues.getNumeric(leaf.reader(), Fields.TAKEN_AT);
                if (values.advanceExact(doc - leaf.docBase)) {
                    dates.put(id, values.longValue());
                }
            }
        }
        return dates;
    }

    @Override
    public Optional<float[]> textVector(String id) throws IOException {
        Integer doc = doc(id);
        return doc == null ? Optional.empty() : StoredVectors.read(reader(), doc, Fields.VECTOR);
    }

    @Override
    public Optional<ImageVector> imageVector(String id) throws IOException {
        Integer doc = doc(id);
        if (doc == null) {
            return Optional.empty();
        }
        String model = searcher.storedFields().document(doc, Set.of(Fields.CLIP_MODEL)).get(Fields.CLIP_MODEL);
        return model == null ? Optional.empty()
                : StoredVectors.read(reader(), doc, Fields.CLIP).map(v -> new ImageVector(model, v));
    }

    @Override
    public Optional<String> idOf(String idOrPath) throws IOException {
        for (String field : List.of(Fields.ID, Fields.PATH)) {
            ScoreDoc[] hits = searcher.search(new TermQuery(new Term(field, idOrPath)), 1).scoreDocs;
            if (hits.length > 0) {
                String id = searcher.storedFields().document(hits[0].doc, Set.of(Fields.ID)).get(Fields.ID);
                docs.put(id, hits[0].doc);
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    @Override
    public void forEach(Consumer<IndexedPhoto> visitor) throws IOException {
        for (LeafReaderContext leaf : reader().leaves()) {
            Bits live = leaf.reader().getLiveDocs();
            StoredFields fields = leaf.reader().storedFields();
            for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                if (live == null || live.get(doc)) {
                    Document stored = fields.document(doc, Set.of(Fields.STORED));
                    visitor.accept(PhotoJson.read(stored.get(Fields.STORED)));
                }
            }
        }
    }

    @Override
    public Listing list(PhotoFilter filter, boolean newestFirst, int offset, int limit) throws IOException {
        SortField date = new SortField(Fields.TAKEN_AT, SortField.Type.LONG, newestFirst);
        date.setMissingValue(newestFirst ? Long.MIN_VALUE : Long.MAX_VALUE);
        Query query = filter.none() ? new MatchAllDocsQuery() : LuceneFilter.of(filter);
        TopDocs top = searcher.search(query, Math.max(1, offset + limit),
                new Sort(date, new SortField(Fields.ID, SortField.Type.STRING)));
        ScoreDoc[] page = Arrays.copyOfRange(top.scoreDocs, Math.min(offset, top.scoreDocs.length),
                top.scoreDocs.length);
        return new Listing(searcher.count(query), ids(page));
    }

    /** These hits as photos, best first; ties by id. */
    private List<Ranked> ranked(ScoreDoc[] hits) throws IOException {
        List<String> ids = ids(hits);
        List<Ranked> ranked = new ArrayList<>(hits.length);
        for (int i = 0; i < hits.length; i++) {
            ranked.add(new Ranked(ids.get(i), hits[i].score));
        }
        ranked.sort(Ranked.BEST_FIRST);
        return ranked;
    }

    /** The ids of these documents, in their order, read from doc values (stored fields would decompress blocks). */
    private List<String> ids(ScoreDoc[] hits) throws IOException {
        Integer[] byDoc = new Integer[hits.length];
        for (int i = 0; i < hits.length; i++) {
            byDoc[i] = i;
        }
        // Doc values are read forwards only: visit the documents in index order.
        Arrays.sort(byDoc, Comparator.comparingInt(i -> hits[i].doc));
        String[] ids = new String[hits.length];
        List<LeafReaderContext> leaves = reader().leaves();
        LeafReaderContext leaf = null;
        SortedDocValues values = null;
        for (int i : byDoc) {
            int doc = hits[i].doc;
            if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                values = DocValues.getSorted(leaf.reader(), Fields.ID);
            }
            if (!values.advanceExact(doc - leaf.docBase)) {
                throw new IOException("photo without an id in the index (document " + doc + ")");
            }
            ids[i] = values.lookupOrd(values.ordValue()).utf8ToString();
            docs.put(ids[i], doc);
        }
        return Arrays.asList(ids);
    }

    /** The document of the photo with this id in this view, or null when it has none. */
    private Integer doc(String id) throws IOException {
        Integer known = docs.get(id);
        if (known != null) {
            return known;
        }
        ScoreDoc[] hits = searcher.search(new TermQuery(new Term(Fields.ID, id)), 1).scoreDocs;
        if (hits.length == 0) {
            return null;
        }
        docs.put(id, hits[0].doc);
        return hits[0].doc;
    }

    /**
     * What the description vectors of a search must be restricted to: {@code filter} alone when every vector of
     * the index is of {@code model} (the usual case), which spares HNSW a bit set of the whole index per segment;
     * else that model's vectors within {@code filter}.
     */
    private Query textVectorFilter(String model, Query filter) throws IOException {
        Term tag = new Term(Fields.VECTOR_MODEL, model);
        for (LeafReaderContext leaf : reader().leaves()) {
            FloatVectorValues vectors = leaf.reader().getFloatVectorValues(Fields.VECTOR);
            // Both counts include deleted photos, so they match exactly when every vector is of this model.
            if (vectors != null && vectors.size() != leaf.reader().docFreq(tag)) {
                return LuceneFilter.restrict(new TermQuery(tag), filter);
            }
        }
        return filter;
    }

    private IndexReader reader() {
        return searcher.getIndexReader();
    }

    @Override
    public void close() throws IOException {
        release.release();
    }
}
