package dev.photosearch.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which language a query reads as, from the words each language knows and the letters only it writes. */
class QueryLanguageTest {

    private final QueryLanguage languages = new QueryLanguage(Map.of(
            Language.ENGLISH, Set.of("a", "the", "on", "cat", "dog", "sofa", "pizza")::contains,
            Language.FRENCH, Set.of("un", "le", "la", "sur", "chat", "chien", "canape", "canapé", "pizza", "mer")::contains,
            Language.SPANISH, Set.of("un", "el", "la", "con", "perro", "pelota", "pizza")::contains));

    @Test
    void englishQueriesStayEnglish() {
        for (String q : new String[] {"a cat on the sofa", "my cat in the garden", "red bike", "pizza"}) {
            assertEquals(Language.ENGLISH, languages.detect(q), q);
        }
    }

    @Test
    void wordsOnlyOneLanguageKnowsDecide() {
        assertEquals(Language.FRENCH, languages.detect("un chat sur le canapé"));
        assertEquals(Language.FRENCH, languages.detect("chien pizza"));
        assertEquals(Language.SPANISH, languages.detect("perro con pelota"));
        // "la" and "pizza" are known to several languages: they decide nothing, "mer" does.
        assertEquals(Language.FRENCH, languages.detect("la mer"));
    }

    @Test
    void lettersAndElisionAreSignsToo() {
        assertEquals(Language.FRENCH, languages.detect("gâteau d'anniversaire"));
        assertEquals(Language.FRENCH, languages.detect("l'arbre"));
        assertEquals(Language.SPANISH, languages.detect("niño"));
    }

    @Test
    void otherLanguagesAndScriptsAreOther() {
        assertEquals(Language.OTHER, languages.detect("Hund und Katze"));
        assertEquals(Language.OTHER, languages.detect("кошка"));
    }
}
