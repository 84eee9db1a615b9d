package dev.photosearch.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;

/**
 * English and French analysis of the text fields: each text field {@code f} is indexed as {@code f.en} and
 * {@code f.fr}, both folding accents so that "cafe" finds "café".
 */
public final class TextAnalyzers {

    /** The languages every text field is analysed in. */
    public static final List<String> LANGUAGES = List.of("en", "fr");

    private TextAnalyzers() {}

    /** The field name of {@code field} analysed for {@code language}. */
    public static String field(String field, String language) {
        return field + "." + language;
    }

    /** An analyzer that routes every {@code *.fr} field to French analysis and the rest to English. */
    public static Analyzer perField() {
        Analyzer english = english();
        Analyzer french = french();
        Map<String, Analyzer> byField = new HashMap<>();
        for (String field : Fields.TEXT) {
            byField.put(field(field, "fr"), french);
        }
        return new PerFieldAnalyzerWrapper(english, byField);
    }

    /** The analyzer for one language. */
    public static Analyzer forLanguage(String language) {
        return "fr".equals(language) ? french() : english();
    }

    private static Analyzer english() {
        try {
            return CustomAnalyzer.builder()
                    .withTokenizer("standard")
                    .addTokenFilter("englishPossessive")
                    .addTokenFilter("lowercase")
                    .addTokenFilter("asciiFolding")
                    .addTokenFilter("stop")
                    .addTokenFilter("porterStem")
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * French analysis for a query written in English: English stop words go too, since "the", "in" or "with" read
     * as French words match nearly every photo and cost BM25 most of its time.
     */
    public static Analyzer frenchForEnglishQueries() {
        return french(true);
    }

    private static Analyzer french() {
        return french(false);
    }

    private static Analyzer french(boolean englishStopWords) {
        try {
            CustomAnalyzer.Builder chain = CustomAnalyzer.builder()
                    .withTokenizer("standard")
                    .addTokenFilter("elision")
                    .addTokenFilter("lowercase");
            if (englishStopWords) {
                chain.addTokenFilter("stop");
            }
            return chain.addTokenFilter("stop", "ignoreCase", "true", "words",
                            "org/apache/lucene/analysis/snowball/french_stop.txt", "format", "snowball")
                    .addTokenFilter("asciiFolding")
                    .addTokenFilter("frenchLightStem")
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
