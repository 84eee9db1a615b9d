package dev.photosearch.embed;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells which language a query is in, cheaply: a language gets a vote for every word of the query that only it
 * knows ("pizza" or "table" tell nothing), every letter only it writes, and every elision of its own ("l'"). The
 * language with the most votes wins; English wins ties and queries without any sign, since descriptions are in
 * English.
 */
public final class QueryLanguage {

    // Frequent short words of German, Italian and Portuguese, which have no glossary: searched as typed.
    private static final Set<String> OTHER_WORDS = Set.of("der", "die", "das", "und", "mit", "ein", "eine", "im",
            "auf", "dem", "den", "ist", "della", "nel", "il", "gli", "sul", "os", "um", "uma", "com", "ao", "nos",
            "och", "het", "een");
    private static final Pattern WORD = Pattern.compile("[\\p{L}]+(['’](?=\\p{L}))?");

    private final Map<Language, Predicate<String>> knows;

    /** {@code knows} tells, for each language, whether it has a word (given in lower case, accents kept). */
    public QueryLanguage(Map<Language, Predicate<String>> knows) {
        this.knows = new EnumMap<>(Language.class);
        this.knows.putAll(knows);
        this.knows.putIfAbsent(Language.OTHER, OTHER_WORDS::contains);
    }

    /** The language {@code query} reads as. */
    public Language detect(String query) {
        String lower = query.toLowerCase(Locale.ROOT);
        if (lower.chars().anyMatch(c -> Character.isLetter(c) && c > 0x24F)) {
            return Language.OTHER; // another script: Cyrillic, Greek, CJK, Arabic...
        }
        Map<Language, Integer> votes = new EnumMap<>(Language.class);
        Matcher word = WORD.matcher(lower);
        while (word.find()) {
            String token = word.group();
            boolean elision = word.group(1) != null;
            String bare = elision ? token.substring(0, token.length() - 1) : token;
            List<Language> knowing = Arrays.stream(Language.values()).filter(language -> elision
                    ? language.elided().contains(bare) : knows.getOrDefault(language, w -> false).test(bare)).toList();
            if (knowing.size() == 1) {
                votes.merge(knowing.get(0), 1, Integer::sum);
            }
            for (Language language : Language.values()) {
                int letters = (int) token.chars().filter(c -> language.letters().indexOf(c) >= 0).count();
                votes.merge(language, letters, Integer::sum);
            }
        }
        Language best = Language.ENGLISH;
        for (Language language : Language.values()) {
            if (votes.getOrDefault(language, 0) > votes.getOrDefault(best, 0)) {
                best = language;
            }
        }
        return best;
    }
}
