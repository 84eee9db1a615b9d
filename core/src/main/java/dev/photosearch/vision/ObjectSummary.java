package dev.photosearch.vision;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Counts detected objects and says them in English: "two people, a dog and a frisbee".
 *
 * @param phrase the counted objects, most numerous first; empty when nothing was detected
 * @param terms  each class's label and its words for one and several ("person", "people")
 * @param counts instances per label, in phrase order
 */
public record ObjectSummary(String phrase, List<String> terms, Map<String, Integer> counts) {

    private static final List<String> NUMBERS = List.of("zero", "one", "two", "three", "four", "five", "six",
            "seven", "eight", "nine", "ten", "eleven", "twelve");
    private static final String A = "a";
    private static final String AN = "an";
    private static final String AND = "and";

    public ObjectSummary {
        terms = List.copyOf(terms);
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    /** Summarises detections; every label must be one of {@code classes}. */
    public static ObjectSummary of(List<Region> detections, Map<String, ObjectClass> classes) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Double> best = new LinkedHashMap<>();
        for (Region region : detections) {
            counts.merge(region.label(), 1, Integer::sum);
            best.merge(region.label(), region.score(), Math::max);
        }
        List<String> order = new ArrayList<>(counts.keySet());
        order.sort(Comparator.comparing((String label) -> counts.get(label)).reversed()
                .thenComparing(label -> best.get(label), Comparator.reverseOrder())
                .thenComparing(Comparator.naturalOrder()));
        List<String> parts = new ArrayList<>();
        List<String> terms = new ArrayList<>();
        Map<String, Integer> ordered = new LinkedHashMap<>();
        for (String label : order) {
            ObjectClass kind = classes.get(label);
            if (kind == null) {
                throw new IllegalArgumentException("unknown object class: " + label);
            }
            int n = counts.get(label);
            parts.add(counted(kind, n));
            for (String term : List.of(kind.label(), kind.one(), kind.several())) {
                if (!terms.contains(term)) {
                    terms.add(term);
                }
            }
            ordered.put(label, n);
        }
        return new ObjectSummary(englishList(parts), terms, ordered);
    }

    /** The counts as one fact value: "person:2,dog:1". */
    public String countsFact() {
        return counts.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(","));
    }

    /** "a cup" for one, "two cups" for more. */
    static String counted(ObjectClass kind, int n) {
        return n == 1 ? article(kind.one()) + " " + kind.one() : number(n) + " " + kind.several();
    }

    private static String number(int n) {
        return n < NUMBERS.size() ? NUMBERS.get(n) : Integer.toString(n);
    }

    private static String article(String word) {
        // No object name starts with a silent h or a "you" sound, so the first letter decides.
        boolean vowel = "aeiouAEIOU".indexOf(word.charAt(0)) >= 0;
        return vowel ? AN : A;
    }

    static String englishList(List<String> parts) {
        if (parts.size() <= 1) {
            return parts.isEmpty() ? "" : parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " " + AND + " " + parts.get(parts.size() - 1);
    }

    /** Every word of counts and lists apart from object names: the numbers, the articles and "and". */
    static List<String> words() {
        List<String> words = new ArrayList<>(NUMBERS);
        words.addAll(List.of(A, AN, AND));
        return words;
    }
}
