package dev.photosearch.search;

import dev.photosearch.embed.Language;
import dev.photosearch.embed.QueryText;
import dev.photosearch.index.Fields;
import dev.photosearch.index.TextAnalyzers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;
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

    private static final String EVERYDAY_WORDS = "everyday-words.txt";

    /** One query builder per language of {@link TextAnalyzers#LANGUAGES}, in that order. */
    private final List<QueryBuilder> builders = new ArrayList<>();

    /** French analysis of an English query, for every field's French analysis. */
    private final QueryBuilder frenchOfEnglish = new QueryBuilder(TextAnalyzers.frenchForEnglishQueries());

    TextQuery() {
        for (String language : TextAnalyzers.LANGUAGES) {
            builders.add(new QueryBuilder(language.equals("en") ? everydayEnglish()
                    : TextAnalyzers.forLanguage(language)));
        }
    }

    /**
     * The query, or null when no word of the text survives analysis (only stop words or punctuation). The English
     * analysis searches the query's English (its translation when it was typed in another language), the French
     * analysis the query as typed, so captions written in French still match their own words. The French analysis
     * of an English query drops English stop words as well: read as French, "in", "the" or "with" match nearly
     * every photo, and scoring those matches was most of BM25's time (a third less CPU without them, ranking
     * unchanged; dropping the French analysis of English queries altogether cost more but lost a little ranking).
     */
    Query build(QueryText text) {
        boolean english = text.language() == Language.ENGLISH;
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        int clauses = 0;
        for (String field : Fields.TEXT) {
            List<Query> perLanguage = new ArrayList<>();
            for (int i = 0; i < builders.size(); i++) {
                String language = TextAnalyzers.LANGUAGES.get(i);
                QueryBuilder builder = english && language.equals("fr") ? frenchOfEnglish : builders.get(i);
                String words = language.equals("en") ? text.english() : text.original();
                Query q = builder.createBooleanQuery(
                        TextAnalyzers.field(field, language), words, BooleanClause.Occur.SHOULD);
                if (q != null) {
                    perLanguage.add(q);
                }
            }
            if (!perLanguage.isEmpty()) {
                // A word matching in both languages' analysis counts once, by the better of the two. No tie-break
                // credit for the other: it would make Lucene score every match instead of skipping those that cannot
                // reach the first page (same recall and MRR on both evaluation sets, a third less BM25 CPU).
                Query either = new DisjunctionMaxQuery(perLanguage, 0f);
                query.add(new BoostQuery(either, BOOSTS.get(field)), BooleanClause.Occur.SHOULD);
                clauses++;
            }
        }
        return clauses == 0 ? null : query.build();
    }

    /** English analysis of queries that also searches the description's word for an everyday one ("man"). */
    private static Analyzer everydayEnglish() {
        SynonymMap words = everydayWords();
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new EnglishPossessiveFilter(source);
                stream = new LowerCaseFilter(stream);
                stream = new ASCIIFoldingFilter(stream);
                stream = new SynonymGraphFilter(stream, words, true);
                stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
                return new TokenStreamComponents(source, new PorterStemFilter(stream));
            }
        };
    }

    /** Reads everyday-words.txt: lines "word, word => description words"; the query's own word is kept. */
    static SynonymMap everydayWords() {
        try (InputStream in = TextQuery.class.getResourceAsStream(EVERYDAY_WORDS)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + EVERYDAY_WORDS);
            }
            SynonymMap.Builder builder = new SynonymMap.Builder(true);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] sides = line.split("=>");
                if (sides.length != 2) {
                    throw new IllegalStateException(EVERYDAY_WORDS + ": expected 'words => words' in: " + line);
                }
                CharsRef target = SynonymMap.Builder.join(sides[1].strip().split("\\s+"), new CharsRefBuilder());
                for (String word : sides[0].split(",")) {
                    builder.add(new CharsRef(word.strip()), target, true);
                }
            }
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
