package dev.photosearch.embed;

import java.util.Set;

/**
 * A language a query can be read in. English is what descriptions and the text model speak; French and Spanish
 * queries are translated into it; {@link #OTHER} is any other language, searched as typed.
 */
public enum Language {
    ENGLISH("en", "", Set.of()),
    FRENCH("fr", "àâçèêëîïôùûÿœæ", Set.of("l", "d", "qu", "j", "n", "s", "c", "m", "t", "jusqu", "lorsqu",
            "puisqu", "quoiqu")),
    SPANISH("es", "ñáíóú¿¡", Set.of()),
    OTHER("", "", Set.of());

    private final String code;
    private final String letters;
    private final Set<String> elided;

    Language(String code, String letters, Set<String> elided) {
        this.code = code;
        this.letters = letters;
        this.elided = elided;
    }

    /** ISO 639-1 code ("fr"); empty for {@link #OTHER}. */
    public String code() {
        return code;
    }

    /** Letters that only this language of the known ones writes ("ç", "ñ"), a sign of it in a query. */
    public String letters() {
        return letters;
    }

    /** Words that drop their vowel before another word with an apostrophe ("l'", "qu'"), without it. */
    public Set<String> elided() {
        return elided;
    }
}
