package dev.photosearch.index.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.photosearch.index.TextAnalyzers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.solr.client.solrj.request.FieldAnalysisRequest;
import org.apache.solr.client.solrj.response.AnalysisResponseBase;
import org.apache.solr.client.solrj.response.FieldAnalysisResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configset's English and French analysis give the very tokens of the embedded store's {@link TextAnalyzers},
 * asked of a real SolrCloud (three nodes and ZooKeeper, started by this test) through Solr's field analysis API.
 */
class SolrAnalysisTest {

    private static final String COLLECTION = "analysis";
    private static final List<String> TEXTS = List.of(
            "Les cafés de l'été",
            "A boat on the lake at sunset",
            "My sister's dogs' toys were running everywhere",
            "Gâteau d'anniversaire au chocolat, crème brûlée et œufs",
            "L'hôtel d'Élise près de la plage, qu'il aimait",
            "naïve façade, Ærø and São Paulo in 2019!",
            "The quick brown foxes jumped over the lazy dog",
            "#sunset @marie_c 3.5km IMG_2041.jpg",
            "les enfants jouent dans les châteaux",
            "");

    @TempDir
    static Path dir;
    private static SolrTestCluster solr;
    private static SolrNodes nodes;

    @BeforeAll
    static void startCluster() throws Exception {
        solr = SolrTestCluster.start(dir);
        solr.setUp(COLLECTION);
        nodes = SolrNodes.of(solr.urls());
    }

    @AfterAll
    static void stopCluster() throws Exception {
        nodes.close();
        solr.close();
    }

    @Test
    void frenchFoldsAccentsDropsElisionsAndStopWords() throws Exception {
        assertEquals(List.of("cafe", "ete"), texts(solr("caption_fr", "Les cafés de l'été", true)));
    }

    @Test
    void everyTextFieldIsAnalysedAsTheEmbeddedStoreDoesOnBothSides() throws Exception {
        for (String field : dev.photosearch.index.Fields.TEXT) {
            for (String language : TextAnalyzers.LANGUAGES) {
                Analyzer lucene = TextAnalyzers.forLanguage(language);
                for (String text : TEXTS) {
                    List<Token> expected = lucene(lucene, text);
                    String solrField = field + "_" + language;
                    assertEquals(expected, solr(solrField, text, true), solrField + " index: " + text);
                    if (language.equals("fr")) {
                        assertEquals(expected, solr(solrField, text, false), solrField + " query: " + text);
                    }
                }
            }
        }
    }

    @Test
    void englishQueriesWithoutEverydayWordsAreAnalysedAsIndexed() throws Exception {
        Analyzer lucene = TextAnalyzers.forLanguage("en");
        for (String text : List.of("A boat on the lake at sunset", "Les cafés de l'été",
                "My sister's dogs' toys were running everywhere", "naïve façade, Ærø and São Paulo in 2019!")) {
            assertEquals(lucene(lucene, text), solr("caption_en", text, false), text);
        }
    }

    @Test
    void englishQueriesAlsoSearchTheDescriptionsWordsForEverydayOnes() throws Exception {
        List<Token> tokens = solr("caption_en", "a man with his mugs on the sofa", false);
        // The query's own words stay, and each everyday word also searches the description's word, stemmed.
        assertEquals(List.of(new Token("man", 2), new Token("person", 2), new Token("hi", 4),
                new Token("mug", 5), new Token("cup", 5), new Token("sofa", 8), new Token("couch", 8)), tokens);
        // A description's words of several words ("sports ball") follow one another.
        assertEquals(List.of(new Token("kid", 1), new Token("person", 1), new Token("plai", 2),
                new Token("footbal", 3), new Token("sport", 3), new Token("ball", 4)),
                solr("caption_en", "kids playing football", false));
    }

    private record Token(String text, int position) {}

    private static List<String> texts(List<Token> tokens) {
        return tokens.stream().map(Token::text).toList();
    }

    /** The final tokens of Solr's index or query analysis of {@code text} in {@code field}. */
    private static List<Token> solr(String field, String text, boolean index) throws IOException {
        FieldAnalysisRequest request = new FieldAnalysisRequest().addFieldName(field);
        if (index) {
            request.setFieldValue(text);
        } else {
            request.setFieldValue("").setQuery(text);
        }
        FieldAnalysisResponse response = nodes.send(request, COLLECTION);
        FieldAnalysisResponse.Analysis analysis = response.getFieldNameAnalysis(field);
        List<AnalysisResponseBase.AnalysisPhase> phases = new ArrayList<>();
        (index ? analysis.getIndexPhases() : analysis.getQueryPhases()).forEach(phases::add);
        if (phases.isEmpty()) {
            return List.of();
        }
        return phases.get(phases.size() - 1).getTokens().stream()
                .map(t -> new Token(t.getText(), t.getPosition())).toList();
    }

    /** The tokens of {@code analyzer} with Solr's positions (counted from 1). */
    private static List<Token> lucene(Analyzer analyzer, String text) throws IOException {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int position = 0;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                tokens.add(new Token(term.toString(), position));
            }
            stream.end();
        }
        return tokens;
    }
}
