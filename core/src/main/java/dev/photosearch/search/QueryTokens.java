package dev.photosearch.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text cut into words (runs of letters and digits) that keep their place in it, for {@link QueryInterpreter} and
 * the phrases of {@link QueryWords}. Punctuation and symbols (emoji) are left between words.
 */
final class QueryTokens {

    /**
     * One word.
     *
     * @param text   as typed
     * @param lower  lower case
     * @param folded lower case without accents ("ete" for "Été")
     * @param start  its first char in the text
     * @param end    the char after it
     * @param gap    what separates it from the word before (from the text's start for the first)
     */
    record Token(String text, String lower, String folded, int start, int end, String gap) {

        /** Whether it begins with a capital letter. */
        boolean capitalised() {
            int first = text.codePointAt(0);
            return Character.isUpperCase(first) || Character.isTitleCase(first);
        }

        /** Whether it begins with a lower-case letter. */
        boolean lowerCase() {
            return Character.isLowerCase(text.codePointAt(0));
        }
    }

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    // Between the words of one expression: spaces and at most one mark ("l'été", "mois-ci", "july 4, 2019").
    private static final Pattern JOINING = Pattern.compile("\\s*[,.'’\\-–/]?\\s*");

    private final String text;
    private final List<Token> tokens;
    private final boolean capitalsTell;

    private QueryTokens(String text, List<Token> tokens) {
        this.text = text;
        this.tokens = List.copyOf(tokens);
        this.capitalsTell = tokens.stream().anyMatch(Token::lowerCase);
    }

    /** The words of {@code text}. */
    static QueryTokens of(String text) {
        List<Token> tokens = new ArrayList<>();
        Matcher word = WORD.matcher(text);
        int previousEnd = 0;
        while (word.find()) {
            String typed = word.group();
            String lower = typed.toLowerCase(Locale.ROOT);
            tokens.add(new Token(typed, lower, fold(lower), word.start(), word.end(),
                    text.substring(previousEnd, word.start())));
            previousEnd = word.end();
        }
        return new QueryTokens(text, tokens);
    }

    /** Lower case, compatibility forms ("º" as "o") and no accents. */
    static String fold(String word) {
        return MARKS.matcher(Normalizer.normalize(word, Normalizer.Form.NFKD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
    }

    String text() {
        return text;
    }

    int size() {
        return tokens.size();
    }

    Token get(int index) {
        return tokens.get(index);
    }

    List<Token> list() {
        return tokens;
    }

    /** Whether word {@code index} exists and follows the word before it within one expression. */
    boolean joined(int index) {
        return index > 0 && index < tokens.size() && JOINING.matcher(tokens.get(index).gap()).matches();
    }

    /**
     * Whether capitals say something in this text: they do when some word is written in lower case. A text all
     * in capitals or in title case ("Dog In The Park") tells no name from another word.
     */
    boolean capitalsTell() {
        return capitalsTell;
    }
}
