package dev.photosearch.index.solr;

import dev.photosearch.embed.TextModel;
import dev.photosearch.index.Fields;
import dev.photosearch.index.ImageVector;
import dev.photosearch.index.IndexedPhoto;
import dev.photosearch.index.Listing;
import dev.photosearch.index.PhotoFilter;
import dev.photosearch.index.Ranked;
import dev.photosearch.index.StoreView;
import dev.photosearch.index.TextWords;
import dev.photosearch.index.VectorKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.solr.client.solrj.response.FacetField;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.params.ModifiableSolrParams;

/**
 * What one search reads from a Solr collection. Each call answers from the collection's latest searcher, since
 * other writers may commit at any time; each ranking is one request whose ties Solr breaks by id.
 */
final class SolrView implements StoreView {

    private static final String RANKED_ORDER = "score desc," + Fields.ID + " asc";

    private final SolrNodes nodes;
    private final String collection;
    private final SolrReads reads;

    SolrView(SolrNodes nodes, String collection) {
        this.nodes = nodes;
        this.collection = collection;
        this.reads = new SolrReads(nodes, collection);
    }

    /** A new object each time: a later view may see other writers' commits. */
    @Override
    public Object version() {
        return new Object();
    }

    @Override
    public int size() throws IOException {
        ModifiableSolrParams params = SolrReads.photos();
        params.set("rows", 0);
        return Math.toIntExact(reads.query(params).getResults().getNumFound());
    }

    @Override
    public Optional<TextModel> textModel() throws IOException {
        return SolrMeta.read(nodes, collection).textModel();
    }

    @Override
    public Map<String, Integer> sources() throws IOException {
        ModifiableSolrParams params = SolrReads.photos();
        params.set("rows", 0);
        params.set("facet", true);
        params.set("facet.field", Fields.SOURCE);
        params.set("facet.limit", -1);
        params.set("facet.mincount", 1);
        params.set("facet.sort", "index");
        Map<String, Integer> counts = new TreeMap<>();
        FacetField field = reads.query(params).getFacetField(Fields.SOURCE);
        for (FacetField.Count count : field.getValues()) {
            counts.put(count.getName(), Math.toIntExact(count.getCount()));
        }
        return new LinkedHashMap<>(counts);
    }

    @Override
    public List<Ranked> matching(TextWords words, PhotoFilter filter, int depth) throws IOException {
        Optional<ModifiableSolrParams> query = SolrText.params(words);
        if (query.isEmpty()) {
            return List.of();
        }
        return ranked(query.get(), filter, depth);
    }

    @Override
    public List<Ranked> nearest(VectorKind kind, String model, float[] vector, PhotoFilter filter, int depth)
            throws IOException {
        String field = kind == VectorKind.TEXT ? Fields.VECTOR : Fields.CLIP;
        String modelField = kind == VectorKind.TEXT ? Fields.VECTOR_MODEL : Fields.CLIP_MODEL;
        ModifiableSolrParams params = new ModifiableSolrParams();
        // As the main query, knn takes every filter query as a pre-filter: the nearest among the photos let by.
        params.set("q", "{!knn f=" + field + " topK=" + depth + "}" + vectorText(vector));
        params.add("fq", SolrFilter.term(modelField, model));
        return ranked(params, filter, depth);
    }

    /** Photos without a date sort last either way (the schema's sortMissingLast). */
    @Override
    public Listing list(PhotoFilter filter, boolean newestFirst, int offset, int limit) throws IOException {
        ModifiableSolrParams params = SolrReads.photos();
        SolrFilter.apply(filter, params);
        params.set("sort", Fields.TAKEN_AT + (newestFirst ? " desc," : " asc,") + Fields.ID + " asc");
        params.set("start", offset);
        params.set("rows", limit);
        params.set("fl", Fields.ID);
        SolrDocumentList page = reads.query(params).getResults();
        return new Listing(Math.toIntExact(page.getNumFound()), page.stream().map(SolrView::id).toList());
    }

    @Override
    public Map<String, IndexedPhoto> photos(Collection<String> ids) throws IOException {
        Map<String, IndexedPhoto> found = new HashMap<>();
        reads.byValues(Fields.ID, ids, Fields.ID + "," + Fields.STORED,
                doc -> found.put(id(doc), SolrDocuments.photo(doc)));
        Map<String, IndexedPhoto> inOrder = new LinkedHashMap<>();
        for (String id : ids) {
            if (found.containsKey(id)) {
                inOrder.put(id, found.get(id));
            }
        }
        return inOrder;
    }

    @Override
    public Map<String, Long> takenAt(Collection<String> ids) throws IOException {
        Map<String, Long> dates = new HashMap<>();
        reads.byValues(Fields.ID, ids, Fields.ID + "," + Fields.TAKEN_AT, doc -> {
            Object taken = doc.getFirstValue(Fields.TAKEN_AT);
            if (taken != null) {
                dates.put(id(doc), ((Number) taken).longValue());
            }
        });
        return dates;
    }

    @Override
    public Optional<float[]> textVector(String id) throws IOException {
        return one(Fields.ID, id, Fields.VECTOR).map(doc -> SolrDocuments.vector(doc, Fields.VECTOR));
    }

    @Override
    public Optional<ImageVector> imageVector(String id) throws IOException {
        return one(Fields.ID, id, Fields.CLIP + "," + Fields.CLIP_MODEL).map(SolrDocuments::image);
    }

    @Override
    public Optional<String> idOf(String idOrPath) throws IOException {
        for (String field : List.of(Fields.ID, Fields.PATH)) {
            Optional<SolrDocument> doc = one(field, idOrPath, Fields.ID);
            if (doc.isPresent()) {
                return Optional.of(id(doc.get()));
            }
        }
        return Optional.empty();
    }

    @Override
    public void forEach(Consumer<IndexedPhoto> visitor) throws IOException {
        ModifiableSolrParams params = SolrReads.photos();
        params.set("fl", Fields.ID + "," + Fields.STORED);
        reads.each(params, doc -> visitor.accept(SolrDocuments.photo(doc)));
    }

    /** The photos {@code params} finds within {@code filter}, best first, at most {@code depth}; ties by id. */
    private List<Ranked> ranked(ModifiableSolrParams params, PhotoFilter filter, int depth) throws IOException {
        SolrFilter.apply(filter, params);
        params.set("rows", depth);
        params.set("fl", Fields.ID + ",score");
        params.set("sort", RANKED_ORDER);
        List<Ranked> ranked = new ArrayList<>();
        for (SolrDocument doc : reads.query(params).getResults()) {
            ranked.add(new Ranked(id(doc), ((Number) doc.getFirstValue("score")).floatValue()));
        }
        return ranked;
    }

    /** The first photo, in id order, whose {@code field} is {@code value}. */
    private Optional<SolrDocument> one(String field, String value, String fl) throws IOException {
        ModifiableSolrParams params = SolrReads.photos();
        params.add("fq", SolrFilter.term(field, value));
        params.set("fl", fl);
        params.set("rows", 1);
        params.set("sort", Fields.ID + " asc");
        List<SolrDocument> found = reads.query(params).getResults();
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private static String id(SolrDocument doc) {
        return (String) doc.getFirstValue(Fields.ID);
    }

    private static String vectorText(float[] vector) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < vector.length; i++) {
            text.append(i == 0 ? "" : ",").append(vector[i]);
        }
        return text.append(']').toString();
    }

    /** Nothing to release: every call is its own request. */
    @Override
    public void close() {}
}
