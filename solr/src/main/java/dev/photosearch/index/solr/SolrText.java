package dev.photosearch.index.solr;

import dev.photosearch.index.Fields;
import dev.photosearch.index.TextAnalyzers;
import dev.photosearch.index.TextWords;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.solr.client.solrj.util.ClientUtils;
import org.apache.solr.common.params.ModifiableSolrParams;

/**
 * The BM25 query of the embedded store ({@code index.LuceneText}) in Solr's query parsers: per text field, the
 * better of its English and French analysis (a disjunction-max with no tie credit) weighted by the field's boost,
 * summed over the fields. The user's text is escaped whole, so it is only analysed, never parsed as query syntax;
 * each field's query analyser does the rest (everyday words included), exactly as the embedded store's does.
 */
final class SolrText {

    private SolrText() {}

    /** The query's parameters ({@code q} and one per field), or empty when there is no text to search. */
    static Optional<ModifiableSolrParams> params(TextWords words) {
        ModifiableSolrParams params = new ModifiableSolrParams();
        List<String> clauses = new ArrayList<>();
        for (String field : Fields.TEXT) {
            List<String> perLanguage = new ArrayList<>();
            for (String language : TextAnalyzers.LANGUAGES) {
                String text = language.equals("en") ? words.english() : words.french();
                if (text != null && !text.isBlank()) {
                    // Escaping the white space too makes the text one term, which the field's analyser splits.
                    perLanguage.add(SolrDocuments.textField(field, language) + ":("
                            + ClientUtils.escapeQueryChars(text) + ")");
                }
            }
            if (perLanguage.isEmpty()) {
                continue;
            }
            String param = "t_" + field;
            params.set(param, String.join(" ", perLanguage));
            // One clause alone must not go through maxscore, which would take the best of its words instead.
            String parser = perLanguage.size() == 1 ? "lucene" : "maxscore tie=0";
            clauses.add("_query_:\"{!" + parser + " sow=false q.op=OR v=$" + param + "}\"^"
                    + Fields.BOOSTS.get(field));
        }
        if (clauses.isEmpty()) {
            return Optional.empty();
        }
        params.set("q", String.join(" ", clauses));
        params.set("defType", "lucene");
        params.set("q.op", "OR");
        return Optional.of(params);
    }
}
