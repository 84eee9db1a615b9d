package dev.photosearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.photosearch.embed.Language;
import dev.photosearch.vision.Describer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class GlossaryTest {

    private static final Glossary FRENCH = Glossary.load(Language.FRENCH);
    private static final Glossary SPANISH = Glossary.load(Language.SPANISH);

    /** Every word the Describer can write is the English of some entry, singular or plural. */
    @ParameterizedTest
    @EnumSource(value = Language.class, names = {"FRENCH", "SPANISH"})
    void everyWordOfTheDescriptionsHasAnEntry(Language language) {
        Set<String> english = new HashSet<>();
        for (Glossary.Entry entry : Glossary.load(language).entries()) {
            for (String form : List.of(entry.english(false), entry.english(true))) {
                english.addAll(List.of(form.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")));
            }
        }
        SortedSet<String> missing = new TreeSet<>(Describer.vocabulary());
        missing.removeAll(english);
        // "an" is "a" before a vowel, which the translation writes by rule ("un éléphant" below).
        missing.remove("an");
        assertEquals(Set.of(), missing, "words the Describer writes with no " + language + " entry");
    }

    @Test
    void vocabularyHoldsTheDetectorsClassesScenesAndColours() {
        SortedSet<String> words = Describer.vocabulary();
        for (String word : List.of("giraffe", "giraffes", "hydrant", "kitchen", "grazing", "close", "beige",
                "perhaps", "riding", "twelve", "afternoon", "december", "reads")) {
            assertTrue(words.contains(word), word);
        }
    }

    /** Expressions before words, elision, gender and plural from analysis, adjectives before their noun. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ours blanc debout sur des rochers | polar bear standing on rocks",
        "un gâteau d'anniversaire sur la table | a birthday cake on the table",
        "un homme à cheval sur un cheval | a man riding a horse",
        "La femme qui tient un parapluie | the woman holding an umbrella",
        "l'homme à côté de l'éléphant | man next to elephant",
        "une chienne noire | a black dog",
        "deux girafes et trois chevaux | two giraffes and three horses",
        "bouches d'incendie jaunes | yellow fire hydrants",
        "chattes blanches | white cats",
        "une skieuse qui skie sur une pente enneigée | a skier skiing on a snowy slope",
        "un éléphant et un chien | an elephant and a dog"})
    void frenchIsPutIntoTheWordsOfDescriptions(String french, String english) {
        assertEquals(english, FRENCH.toEnglish(french));
    }

    @Test
    void unknownWordsAreKeptAsTyped() {
        assertEquals("a boat on the lake Annecy", FRENCH.toEnglish("un bateau sur le lac d'Annecy"));
    }

    @Test
    void spanishUsesTheSameStructure() {
        assertEquals("two white dogs on the beach", SPANISH.toEnglish("dos perros blancos en la playa"));
        assertEquals("a woman holding an umbrella", SPANISH.toEnglish("una mujer que sostiene un paraguas"));
    }

    @Test
    void wordsOfTheLanguageAreKnownInAnyForm() {
        assertTrue(FRENCH.knows("chiennes"));
        assertTrue(FRENCH.knows("Éléphants"));
        assertTrue(SPANISH.knows("perras"));
        assertFalse(FRENCH.knows("with"));
    }
}
