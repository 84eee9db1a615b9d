package dev.photosearch.search;

import dev.photosearch.embed.Language;
import dev.photosearch.embed.QueryLanguage;
import dev.photosearch.embed.QueryText;
import dev.photosearch.index.TextAnalyzers;
import dev.photosearch.vision.Describer;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads the language of a query and, for the languages with a glossary data file (French, Spanish), puts it into the
 * English words that descriptions use, for the signals that only understand English: the text model and the words
 * of generated descriptions. Thread-safe.
 */
final class QueryTranslator {

    private final Map<Language, Glossary> glossaries = new EnumMap<>(Language.class);
    private final QueryLanguage languages;

    QueryTranslator() {
        // Every language but English and the unknown ones has a glossary: adding one is an enum constant and a file.
        for (Language language : Language.values()) {
            if (language != Language.ENGLISH && language != Language.OTHER) {
                glossaries.put(language, Glossary.load(language));
            }
        }
        Set<String> described = Describer.vocabulary();
        Map<Language, Predicate<String>> knows = new EnumMap<>(Language.class);
        knows.put(Language.ENGLISH, word -> described.contains(word)
                || TextAnalyzers.isEnglishStopWord(word));
        glossaries.forEach((language, glossary) -> knows.put(language, glossary::knows));
        languages = new QueryLanguage(knows);
    }

    /** The query with its language and its English. */
    QueryText translate(String query) {
        Language language = languages.detect(query);
        Glossary glossary = glossaries.get(language);
        return new QueryText(query, language, glossary == null ? query : glossary.toEnglish(query));
    }
}
