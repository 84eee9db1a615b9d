package dev.photosearch.index.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.photosearch.embed.TextModel;
import dev.photosearch.index.Fields;
import dev.photosearch.index.ImageVector;
import dev.photosearch.index.TextAnalyzers;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The configset agrees with the code that fills and reads its fields. */
class SolrConfigsetTest {

    private static final String SCHEMA = new String(SolrConfigset.files().get("schema.xml"), StandardCharsets.UTF_8);

    @Test
    void everyTextFieldHasItsEnglishAndFrenchField() {
        for (String field : Fields.TEXT) {
            for (String language : TextAnalyzers.LANGUAGES) {
                assertTrue(SCHEMA.contains("<field name=\"" + SolrDocuments.textField(field, language)
                        + "\" type=\"text_" + language + "\""), field + " " + language);
            }
        }
    }

    @Test
    void theVectorFieldsHoldTheDimensionsOfEveryModel() {
        assertTrue(SCHEMA.contains("name=\"text_vector\" class=\"solr.DenseVectorField\" vectorDimension=\""
                + SolrDocuments.TEXT_DIMENSION + "\""));
        assertTrue(SCHEMA.contains("name=\"clip_vector\" class=\"solr.DenseVectorField\" vectorDimension=\""
                + SolrDocuments.CLIP_DIMENSION + "\""));
        for (TextModel model : TextModel.values()) {
            assertEquals(SolrDocuments.TEXT_DIMENSION, model.dimension(), model.id());
        }
    }

    @Test
    void aVectorOfAnotherDimensionIsRefusedSayingWhy() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SolrDocuments.of(
                Fixtures.photo("s", "p.jpg", "", null, null), null, TextModel.BGE_SMALL,
                new ImageVector("clip-l14", new float[768])));
        assertEquals("the CLIP model clip-l14 makes 768-dimensional vectors; the Solr configset "
                + SolrConfigset.NAME + " holds 512 dimensions", e.getMessage());
    }

    @Test
    void everydayWordsBecomeSynonymRulesThatKeepTheQuerysWord() {
        assertEquals("man => man, person\nmen => men, person\nsoccer => soccer, sports ball\n",
                SolrConfigset.synonyms("# a comment\n\nman, men => person\nsoccer =>  sports   ball\n"));
        Map<String, byte[]> files = SolrConfigset.files();
        assertTrue(new String(files.get("everyday-words.txt"), StandardCharsets.UTF_8).contains("mug => mug, cup\n"));
        assertTrue(new String(files.get("french_stop.txt"), StandardCharsets.UTF_8).contains("| This file is distributed under the BSD License."));
    }
}
