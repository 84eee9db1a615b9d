package dev.photosearch.embed;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/** Tells English queries from others, cheaply, to pick CLIP's English or multilingual text encoder. */
public final class QueryLanguage {

    // Frequent short words of French, Spanish, Italian, German and Portuguese that are not English words.
    private static final Set<String> FOREIGN = Set.of("le", "la", "les", "des", "du", "une", "un", "et", "sur",
            "dans", "avec", "pour", "au", "aux", "de", "chez", "sous", "mon", "ma", "mes", "ton", "notre", "est",
            "el", "los", "las", "con", "del", "y", "en", "una", "il", "della", "nel", "der", "die", "das", "und",
            "mit", "ein", "eine", "im", "auf", "dem", "os", "um", "uma", "com", "no", "na");
    // Words shared with English that must not count ("a", "on", "in", "no", "me"...).
    private static final Set<String> SHARED = Set.of("a", "in", "on", "no", "me", "die", "est", "ma", "am");

    private QueryLanguage() {}

    /** True when the query reads as English: no accented letters and no common foreign function words. */
    public static boolean looksEnglish(String query) {
        String lower = query.toLowerCase(Locale.ROOT);
        String folded = Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        if (!folded.equals(Normalizer.normalize(lower, Normalizer.Form.NFD))) {
            return false;
        }
        for (String word : lower.split("[^\\p{L}]+")) {
            if (!word.isEmpty() && word.chars().anyMatch(c -> c > 0x24F)) {
                return false; // another script: Cyrillic, Greek, CJK, Arabic...
            }
            if (FOREIGN.contains(word) && !SHARED.contains(word)) {
                return false;
            }
        }
        return true;
    }
}
