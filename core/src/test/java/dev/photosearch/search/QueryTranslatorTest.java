package dev.photosearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.photosearch.embed.Language;
import dev.photosearch.embed.QueryText;
import org.junit.jupiter.api.Test;

class QueryTranslatorTest {

    private final QueryTranslator translator = new QueryTranslator();

    @Test
    void englishIsLeftAsTyped() {
        for (String q : new String[] {"a boat on a lake", "my cat in the garden", "red bike", "pizza",
            "A man riding a wave on top of a surfboard", "black chat", "a couple at a table with pizza"}) {
            assertEquals(QueryText.english(q), translator.translate(q), q);
        }
    }

    @Test
    void frenchIsReadAsFrenchAndTranslated() {
        QueryText query = translator.translate("ours blanc debout sur des rochers");
        assertEquals(Language.FRENCH, query.language());
        assertEquals("ours blanc debout sur des rochers", query.original());
        assertEquals("polar bear standing on rocks", query.english());
        // No function word at all: the glossary's words are enough to tell.
        assertEquals("black dog", translator.translate("chien noir").english());
        assertEquals(Language.FRENCH, translator.translate("gâteau d'anniversaire").language());
    }

    @Test
    void spanishIsReadAsSpanish() {
        QueryText query = translator.translate("un perro con una pelota");
        assertEquals(Language.SPANISH, query.language());
        assertEquals("a dog with a ball", query.english());
    }

    @Test
    void otherLanguagesAreSearchedAsTyped() {
        assertEquals(new QueryText("Hund und Katze", Language.OTHER, "Hund und Katze"),
                translator.translate("Hund und Katze"));
    }
}
