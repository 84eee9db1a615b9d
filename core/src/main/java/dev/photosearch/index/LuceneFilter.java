package dev.photosearch.index;

import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/** Turns a search's filter into one Lucene query that every signal applies. */
final class LuceneFilter {

    private LuceneFilter() {}

    /** The Lucene query of {@code filter}, or null when it lets every photo through. */
    static Query of(PhotoFilter filter) {
        if (filter.none()) {
            return null;
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        query.add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER);
        if (filter.source() != null) {
            query.add(new TermQuery(new Term(Fields.SOURCE, filter.source())), BooleanClause.Occur.FILTER);
        }
        if (filter.from() != null || filter.to() != null) {
            long from = filter.from() == null ? Long.MIN_VALUE : filter.from().getEpochSecond();
            long to = filter.to() == null ? Long.MAX_VALUE : filter.to().getEpochSecond();
            query.add(LongPoint.newRangeQuery(Fields.TAKEN_AT, from, to), BooleanClause.Occur.FILTER);
        }
        return query.build();
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
