package dev.photosearch.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;

/**
 * English and French analysis of the text fields: each text field {@code f} is indexed as {@code f.en} and
 * {@code f.fr}, both folding accents so that "cafe" finds "café".
 */
public final class TextAnalyzers {

    /** Splits words as the analyses do, before any stop word or stem: French elisions go, case is folded. */
    private static final Analyzer WORDS = words();

    /** Whether the English analysis drops {@code word} (lower case) as a stop word. */
    public static boolean isEnglishStopWord(String word) {
        return EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(word);
    }

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

    private static Analyzer words() {
        try {
            return CustomAnalyzer.builder().withTokenizer("standard").addTokenFilter("elision")
                    .addTokenFilter("lowercase").build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
     * The words of {@code text} without English stop words, for the French analysis of a query written in English:
     * read as French, "the", "in" or "with" match nearly every photo and cost BM25 most of its time. Done on the
     * text rather than in an analyzer, so that every store, Solr's included, searches the same words.
     */
    public static String withoutEnglishStopWords(String text) {
        StringBuilder kept = new StringBuilder();
        try (TokenStream tokens = WORDS.tokenStream("", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                if (!EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(term.buffer(), 0, term.length())) {
                    kept.append(kept.isEmpty() ? "" : " ").append(text, offset.startOffset(), offset.endOffset());
                }
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return kept.toString();
    }

    private static Analyzer french() {
        try {
            return CustomAnalyzer.builder()
                    .withTokenizer("standard")
                    .addTokenFilter("elision")
                    .addTokenFilter("lowercase")
                    .addTokenFilter("stop", "ignoreCase", "true", "words",
                            "org/apache/lucene/analysis/snowball/french_stop.txt", "format", "snowball")
                    .addTokenFilter("asciiFolding")
                    .addTokenFilter("frenchLightStem")
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
