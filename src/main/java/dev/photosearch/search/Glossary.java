package dev.photosearch.search;

import dev.photosearch.embed.Language;
import dev.photosearch.index.Words;
import dev.photosearch.index.Words.Word;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One language's glossary into the English words descriptions use, read from the data file
 * {@code glossary-CODE.tsv}. The file lists each word in its base form (masculine singular, infinitive) and the
 * language's inflection rules; plural and gender forms come from those rules, and words are matched after
 * analysis (elision such as "l'", case, accents). The longest expression wins.
 */
final class Glossary {

    /** What a glossary word is: which inflection rules it takes, and whether English puts it before a noun. */
    enum Kind { NOUN, ADJECTIVE, VERB, OTHER }

    /**
     * One entry of the file.
     *
     * @param source  the word or expression in its base form ("bouche d'incendie")
     * @param english its English ("fire hydrant"); may be empty for words English does without
     * @param kind    noun, adjective, verb or other
     * @param plural  the English plural of a noun ("people"); empty for the regular one
     */
    record Entry(String source, String english, Kind kind, String plural) {

        /** The English, in the plural when asked and this is a noun. */
        String english(boolean many) {
            if (!many || kind != Kind.NOUN) {
                return english;
            }
            return plural.isEmpty() ? regularPlural(english) : plural;
        }
    }

    /** An inflection: a word of this kind ending in {@code ending} ("-" for any) also takes these endings. */
    private record Rule(Kind kind, String ending, List<String> endings) {

        List<String> forms(String word) {
            if (ending.equals("-")) {
                return endings.stream().map(e -> word + e).toList();
            }
            if (!word.endsWith(ending)) {
                return List.of();
            }
            String stem = word.substring(0, word.length() - ending.length());
            return endings.stream().map(e -> stem + e).toList();
        }
    }

    /** A piece of the translation: English words and what they are. */
    private record Piece(String english, Kind kind) {}

    private final Language language;
    private final Words splitter;
    private final List<Entry> entries;
    private final List<Rule> rules;
    private final Map<String, Entry> byKey = new HashMap<>();
    private final Set<String> words = new HashSet<>();
    private int longest;

    private Glossary(Language language, List<Entry> entries, List<Rule> rules, String file) {
        this.language = language;
        this.splitter = new Words(language.elided());
        this.entries = List.copyOf(entries);
        this.rules = List.copyOf(rules);
        // Base forms first, so an inflected form never hides another entry's own word.
        for (Entry entry : entries) {
            List<Word> key = tokens(entry.source());
            if (key.isEmpty()) {
                throw new IllegalStateException(file + ": nothing left of '" + entry.source() + "' after analysis");
            }
            Entry before = byKey.putIfAbsent(key(key, 0, key.size()), entry);
            if (before != null && !before.english().equals(entry.english())) {
                throw new IllegalStateException(file + ": '" + entry.source() + "' and '" + before.source()
                        + "' read the same but mean '" + entry.english() + "' and '" + before.english() + "'");
            }
            longest = Math.max(longest, key.size());
        }
        for (Entry entry : entries) {
            List<Word> key = tokens(entry.source());
            String rest = key.size() == 1 ? "" : " " + key(key, 1, key.size() - 1);
            // The first word inflects: "bouches d'incendie", "tables à manger".
            for (String form : forms(key.get(0).form(), entry.kind())) {
                byKey.putIfAbsent(form + rest, entry);
                words.add(form);
            }
            key.forEach(token -> words.add(token.form()));
        }
    }

    /** The shipped glossary of {@code language}. */
    static Glossary load(Language language) {
        String file = "glossary-" + language.code() + ".tsv";
        try (InputStream in = Glossary.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + file);
            }
            List<Entry> entries = new ArrayList<>();
            List<Rule> rules = new ArrayList<>();
            parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), file, entries, rules);
            return new Glossary(language, entries, rules, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Lines "word, other word TAB english [TAB n|adj|v [TAB plural]]" and inflection rules "~KIND TAB ending TAB
     * endings, ..."; # starts a comment.
     */
    private static void parse(BufferedReader reader, String file, List<Entry> entries, List<Rule> rules)
            throws IOException {
        int lineNo = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String where = file + " line " + lineNo + ": ";
            String[] c = line.split("\t", -1);
            if (line.startsWith("~")) {
                if (c.length != 3) {
                    throw new IllegalStateException(where + "expected ~KIND, ending and endings, tab-separated");
                }
                rules.add(new Rule(kind(c[0].substring(1).strip(), where), c[1].strip(), List.of(c[2].split(
                        "\\s*,\\s*"))));
                continue;
            }
            if (c.length < 2 || c.length > 4) {
                throw new IllegalStateException(where + "expected 2 to 4 tab-separated columns");
            }
            Kind kind = kind(c.length > 2 ? c[2].strip() : "", where);
            String plural = c.length > 3 ? c[3].strip() : "";
            for (String source : c[0].split(",")) {
                entries.add(new Entry(source.strip(), c[1].strip(), kind, plural));
            }
        }
    }

    private static Kind kind(String name, String where) {
        return switch (name) {
            case "n" -> Kind.NOUN;
            case "adj" -> Kind.ADJECTIVE;
            case "v" -> Kind.VERB;
            case "" -> Kind.OTHER;
            default -> throw new IllegalStateException(where + "kind must be n, adj, v or nothing");
        };
    }

    /** {@code word} (analysed) and the forms the rules of {@code kind} give it, analysed the same way. */
    private List<String> forms(String word, Kind kind) {
        List<String> forms = new ArrayList<>(List.of(word));
        for (Rule rule : rules) {
            if (rule.kind() == kind) {
                for (String form : rule.forms(word)) {
                    tokens(form).forEach(token -> forms.add(token.form()));
                }
            }
        }
        return forms;
    }

    /** Every entry, in file order, for checking what the glossary covers. */
    List<Entry> entries() {
        return entries;
    }

    /** True when {@code word}, analysed, is a word or form of some entry: a sign the query is in this language. */
    boolean knows(String word) {
        List<Word> tokens = tokens(word);
        return tokens.size() == 1 && words.contains(tokens.get(0).form());
    }

    /**
     * {@code text} in English: each longest known expression translated, nouns in the plural when the word typed
     * was, adjectives before the noun they follow; unknown words (names, places) are kept as typed.
     */
    String toEnglish(String text) {
        List<Word> tokens = tokens(text);
        List<Piece> pieces = new ArrayList<>();
        for (int i = 0; i < tokens.size(); ) {
            int n = Math.min(longest, tokens.size() - i);
            while (n > 0 && !byKey.containsKey(key(tokens, i, n))) {
                n--;
            }
            if (n == 0) {
                pieces.add(new Piece(withoutElision(tokens.get(i).typed()), Kind.OTHER));
                i++;
            } else {
                Entry entry = byKey.get(key(tokens, i, n));
                pieces.add(new Piece(entry.english(plural(tokens.get(i).typed(), entry.source())), entry.kind()));
                i += n;
            }
        }
        return english(pieces);
    }

    private static String key(List<Word> tokens, int from, int length) {
        return String.join(" ", tokens.subList(from, from + length).stream().map(Word::form).toList());
    }

    /** Adjectives before their noun, "an" before a vowel, empty pieces dropped. */
    private static String english(List<Piece> pieces) {
        for (int i = 1; i < pieces.size(); i++) {
            if (pieces.get(i).kind() == Kind.ADJECTIVE && pieces.get(i - 1).kind() == Kind.NOUN) {
                pieces.add(i - 1, pieces.remove(i));
            }
        }
        List<String> words = new ArrayList<>();
        for (Piece piece : pieces) {
            if (!piece.english().isEmpty()) {
                words.add(piece.english());
            }
        }
        for (int i = 0; i + 1 < words.size(); i++) {
            if (words.get(i).equals("a") && "aeiou".indexOf(words.get(i + 1).charAt(0)) >= 0) {
                words.set(i, "an");
            }
        }
        return String.join(" ", words);
    }

    /** "d'Annecy" → "Annecy": an unknown word loses the elided article before it. */
    private String withoutElision(String typed) {
        int apostrophe = Math.max(typed.indexOf('\''), typed.indexOf('’'));
        boolean elided = apostrophe > 0
                && language.elided().contains(typed.substring(0, apostrophe).toLowerCase(Locale.ROOT));
        return elided ? typed.substring(apostrophe + 1) : typed;
    }

    /** A word typed in the plural ends in s or x where the glossary's base form does not. */
    private static boolean plural(String typed, String source) {
        String first = source.split("[\\s'’-]+")[0].toLowerCase(Locale.ROOT);
        String word = typed.toLowerCase(Locale.ROOT);
        return (word.endsWith("s") || word.endsWith("x")) && !(first.endsWith("s") || first.endsWith("x"));
    }

    private static String regularPlural(String noun) {
        if (noun.matches(".*(s|x|z|ch|sh)")) {
            return noun + "es";
        }
        return noun.matches(".*[^aeiou]y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s";
    }

    private List<Word> tokens(String text) {
        return splitter.split(text);
    }
}
