package dev.photosearch.embed;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which CLIP text encoder a query goes to. */
class QueryLanguageTest {

    @Test
    void englishQueriesStayEnglish() {
        for (String q : new String[] {"a boat on a lake", "my cat in the garden", "red bike", "no smoking sign"}) {
            assertTrue(QueryLanguage.looksEnglish(q), q);
        }
    }

    @Test
    void frenchAndOtherLanguagesAreNot() {
        for (String q : new String[] {"gâteau d'anniversaire", "un chat sur le canapé", "la mer", "perro con pelota",
            "Hund und Katze", "кошка"}) {
            assertFalse(QueryLanguage.looksEnglish(q), q);
        }
    }
}
