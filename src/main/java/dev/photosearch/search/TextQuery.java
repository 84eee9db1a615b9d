package dev.photosearch.search;

import dev.photosearch.index.Fields;
import dev.photosearch.index.TextAnalyzers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;

/**
 * Builds the BM25 query for the user's words. The text is only analysed, never parsed as query syntax, so quotes,
 * colons, wildcards or "AND" are just words.
 */
final class TextQuery {

    // How much each field counts: the owner's words first, then what was seen, then file and date facts.
    private static final Map<String, Float> BOOSTS = Map.of(
            Fields.CAPTION, 1.0f,
            Fields.ALT, 1.0f,
            Fields.VISION, 0.8f,
            Fields.PLACE, 0.8f,
            Fields.PATH_WORDS, 0.8f,
            Fields.TAGS, 0.6f,
            Fields.CONTEXT, 0.4f);

    private final List<QueryBuilder> builders = new ArrayList<>();

    TextQuery() {
        for (String language : TextAnalyzers.LANGUAGES) {
            builders.add(new QueryBuilder(TextAnalyzers.forLanguage(language)));
        }
    }

    /** The query, or null when no word of the text survives analysis (only stop words or punctuation). */
    Query build(String text) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        int clauses = 0;
        for (String field : Fields.TEXT) {
            List<Query> perLanguage = new ArrayList<>();
            for (int i = 0; i < builders.size(); i++) {
                Query q = builders.get(i).createBooleanQuery(
                        TextAnalyzers.field(field, TextAnalyzers.LANGUAGES.get(i)), text, BooleanClause.Occur.SHOULD);
                if (q != null) {
                    perLanguage.add(q);
                }
            }
            if (!perLanguage.isEmpty()) {
                // A word matching in both languages' analysis counts once, with a little credit for the other.
                Query either = new DisjunctionMaxQuery(perLanguage, 0.1f);
                query.add(new BoostQuery(either, BOOSTS.get(field)), BooleanClause.Occur.SHOULD);
                clauses++;
            }
        }
        return clauses == 0 ? null : query.build();
    }
}
