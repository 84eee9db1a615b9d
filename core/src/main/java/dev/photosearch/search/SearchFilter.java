package dev.photosearch.search;

import dev.photosearch.index.Fields;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/** Turns a request's filters into one Lucene query that every signal applies. */
final class SearchFilter {

    private SearchFilter() {}

    /** The filter of {@code request}, or null when it has none. */
    static Query of(SearchRequest request) {
        if (!request.filtered()) {
            return null;
        }
        BooleanQuery.Builder filter = new BooleanQuery.Builder();
        filter.add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER);
        if (request.source() != null) {
            filter.add(new TermQuery(new Term(Fields.SOURCE, request.source())), BooleanClause.Occur.FILTER);
        }
        if (request.from() != null || request.to() != null) {
            long from = request.from() == null ? Long.MIN_VALUE : request.from().getEpochSecond();
            long to = request.to() == null ? Long.MAX_VALUE : request.to().getEpochSecond();
            filter.add(LongPoint.newRangeQuery(Fields.TAKEN_AT, from, to), BooleanClause.Occur.FILTER);
        }
        return filter.build();
    }

    /** {@code query} restricted to {@code filter}; {@code query} itself when there is no filter. */
    static Query restrict(Query query, Query filter) {
        if (filter == null) {
            return query;
        }
        return new BooleanQuery.Builder()
                .add(query, BooleanClause.Occur.MUST)
                .add(filter, BooleanClause.Occur.FILTER)
                .build();
    }
}
