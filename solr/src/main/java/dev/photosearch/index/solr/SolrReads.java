package dev.photosearch.index.solr;

import dev.photosearch.index.Fields;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.params.CursorMarkParams;
import org.apache.solr.common.params.ModifiableSolrParams;

/** The reads the writer and the views share: photos by the values of a field, and every photo a filter lets by. */
final class SolrReads {

    /** Values asked for in one request; sent in the body, so no URL grows long. */
    private static final int VALUES_PER_REQUEST = 500;
    /** Photos read per page when walking many. */
    private static final int PAGE = 500;

    private final SolrNodes nodes;
    private final String collection;

    SolrReads(SolrNodes nodes, String collection) {
        this.nodes = nodes;
        this.collection = collection;
    }

    /**
     * Hands each photo whose {@code field} is one of {@code values} (ids or digests: no commas), with the fields
     * {@code fl}, to {@code visitor}.
     */
    void byValues(String field, Collection<String> values, String fl, Consumer<SolrDocument> visitor)
            throws IOException {
        List<String> all = List.copyOf(values);
        for (int from = 0; from < all.size(); from += VALUES_PER_REQUEST) {
            ModifiableSolrParams params = photos();
            params.set("q", "{!terms f=" + field + " v=$values}");
            params.set("values", String.join(",", all.subList(from, Math.min(all.size(), from + VALUES_PER_REQUEST))));
            params.set("fl", fl);
            each(params, visitor);
        }
    }

    /** Hands every photo that {@code params} finds to {@code visitor}, page after page, in id order. */
    void each(ModifiableSolrParams params, Consumer<SolrDocument> visitor) throws IOException {
        params.set("rows", PAGE);
        params.set("sort", Fields.ID + " asc");
        String cursor = CursorMarkParams.CURSOR_MARK_START;
        while (true) {
            params.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
            QueryResponse response = query(params);
            response.getResults().forEach(visitor);
            String next = response.getNextCursorMark();
            if (next == null || next.equals(cursor)) {
                return;
            }
            cursor = next;
        }
    }

    /** Parameters that find photos only, not the meta document. */
    static ModifiableSolrParams photos() {
        ModifiableSolrParams params = new ModifiableSolrParams();
        params.set("q", "*:*");
        params.add("fq", SolrFilter.term(SolrMeta.KIND, SolrMeta.PHOTO));
        return params;
    }

    QueryResponse query(ModifiableSolrParams params) throws IOException {
        return nodes.send(new QueryRequest(params, SolrRequest.METHOD.POST), collection);
    }
}
