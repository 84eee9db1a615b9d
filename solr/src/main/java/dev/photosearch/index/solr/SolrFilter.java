package dev.photosearch.index.solr;

import dev.photosearch.index.Fields;
import dev.photosearch.index.PhotoFilter;
import java.util.ArrayList;
import java.util.List;
import org.apache.solr.common.params.ModifiableSolrParams;

/** A search's filter as Solr filter queries, which every signal applies (the knn query as a pre-filter). */
final class SolrFilter {

    private SolrFilter() {}

    /** Adds the filter queries of {@code filter} to {@code params}. */
    static void apply(PhotoFilter filter, ModifiableSolrParams params) {
        for (String fq : of(filter)) {
            params.add("fq", fq);
        }
    }

    static List<String> of(PhotoFilter filter) {
        List<String> fqs = new ArrayList<>();
        if (filter.source() != null) {
            fqs.add(term(Fields.SOURCE, filter.source()));
        }
        if (filter.from() != null || filter.to() != null) {
            fqs.add(Fields.TAKEN_AT + ":[" + (filter.from() == null ? "*" : filter.from().getEpochSecond()) + " TO "
                    + (filter.to() == null ? "*" : filter.to().getEpochSecond()) + "]");
        }
        return fqs;
    }

    /** Documents whose {@code field} is exactly {@code value}, whatever characters it holds. */
    static String term(String field, String value) {
        return "{!term f=" + field + " v='" + value.replace("\\", "\\\\").replace("'", "\\'") + "'}";
    }
}
