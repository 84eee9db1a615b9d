package dev.photosearch.index;

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
 * Builds the Lucene BM25 query for the user's words. The text is only analysed, never parsed as query syntax, so
 * quotes, colons, wildcards or "AND" are just words.
 */
final class LuceneText {

    private static final String EVERYDAY_WORDS = "everyday-words.txt";

    /** One query builder per language of {@link TextAnalyzers#LANGUAGES}, in that order. */
    private final List<QueryBuilder> builders = new ArrayList<>();

    LuceneText() {
        for (String language : TextAnalyzers.LANGUAGES) {
            builders.add(new QueryBuilder(language.equals("en") ? everydayEnglish()
                    : TextAnalyzers.forLanguage(language)));
        }
    }

    /**
     * The query, or null when no word of the text survives analysis (only stop words or punctuation): per text
     * field, the better of its English and French analysis, weighted by {@link Fields#BOOSTS}, summed over fields.
     */
    Query build(TextWords words) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        int clauses = 0;
        for (String field : Fields.TEXT) {
            List<Query> perLanguage = new ArrayList<>();
            for (int i = 0; i < builders.size(); i++) {
                String language = TextAnalyzers.LANGUAGES.get(i);
                Query q = builders.get(i).createBooleanQuery(TextAnalyzers.field(field, language),
                        language.equals("en") ? words.english() : words.french(), BooleanClause.Occur.SHOULD);
                if (q != null) {
                    perLanguage.add(q);
                }
            }
            if (!perLanguage.isEmpty()) {
                // A word matching in both languages' analysis counts once, by the better of the two. No tie-break
                // credit for the other: it would make Lucene score every match instead of skipping those that cannot
                // reach the first page (same recall and MRR on both evaluation sets, a third less BM25 CPU).
                Query either = new DisjunctionMaxQuery(perLanguage, 0f);
                query.add(new BoostQuery(either, Fields.BOOSTS.get(field)), BooleanClause.Occur.SHOULD);
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
        try (InputStream in = LuceneText.class.getResourceAsStream(EVERYDAY_WORDS)) {
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
