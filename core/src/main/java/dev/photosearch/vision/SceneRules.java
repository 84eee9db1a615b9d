package dev.photosearch.vision;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Scenes and activities that the detected objects, their number and the colours imply ("in a kitchen",
 * "skiing on a snowy slope"), read from the data file {@code scenes.tsv}, each rule with the confidence it earned
 * on real captions. Only rules at or above {@link #MIN_CONFIDENCE} make it into descriptions.
 */
public final class SceneRules {

    /** Bumped with every change to scenes.tsv, so photos get their scenes again. */
    public static final int VERSION = 1;
    static final double MIN_CONFIDENCE = 0.5;
    private static final String FILE = "scenes.tsv";

    /** One rule: a phrase said when every clause holds. Evidence words are what captions say when it is right. */
    public record Rule(String phrase, double confidence, String conditions, List<String> evidence,
            Predicate<Seen> holds) {}

    /** What the analysers saw in one photo, as the rules read it. */
    public record Seen(Map<String, Integer> objects, Map<String, Double> colours, double brightness) {
        /** Reads the objects' and colours' facts of a photo's analyses. */
        public static Seen of(List<Analysis> analyses) {
            Map<String, Integer> objects = new HashMap<>();
            Map<String, Double> colours = new HashMap<>();
            double brightness = Double.NaN;
            for (Analysis a : analyses) {
                for (Region r : a.analyser().equals("objects") ? a.regions() : List.<Region>of()) {
                    objects.merge(r.label(), 1, Integer::sum);
                }
                String shares = a.facts().get("colours");
                if (shares != null && !shares.isBlank()) {
                    for (String pair : shares.split(",")) {
                        String[] kv = pair.split(":");
                        colours.put(kv[0], Double.parseDouble(kv[1]));
                    }
                }
                if (a.facts().containsKey("brightness")) {
                    brightness = Double.parseDouble(a.facts().get("brightness"));
                }
            }
            return new Seen(objects, colours, brightness);
        }
    }

    private final List<Rule> rules;

    private SceneRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The shipped rules. */
    public static SceneRules load() {
        try (InputStream in = SceneRules.class.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + FILE);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SceneRules parse(BufferedReader reader) throws IOException {
        List<Rule> rules = new ArrayList<>();
        int lineNo = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] c = line.split("\t");
            if (c.length != 4) {
                throw new IllegalArgumentException(FILE + " line " + lineNo + ": expected 4 tab-separated columns");
            }
            try {
                rules.add(new Rule(c[0].strip(), Double.parseDouble(c[1].strip()), c[2].strip(),
                        List.of(c[3].strip().split("\\|")), condition(c[2].strip())));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(FILE + " line " + lineNo + ": " + e.getMessage(), e);
            }
        }
        return new SceneRules(rules);
    }

    /** Every rule, kept or not, for validation. */
    public List<Rule> rules() {
        return rules;
    }

    /** The phrases of the confident rules that hold for what was seen, in file order. */
    public List<String> infer(Seen seen) {
        return rules.stream().filter(r -> r.confidence() >= MIN_CONFIDENCE && r.holds().test(seen))
                .map(Rule::phrase).distinct().toList();
    }

    /** Clauses separated by spaces, all of which must hold; see the header of scenes.tsv. */
    private static Predicate<Seen> condition(String conditions) {
        Predicate<Seen> all = seen -> true;
        for (String clause : conditions.split("\\s+")) {
            all = all.and(clause(clause));
        }
        return all;
    }

    private static Predicate<Seen> clause(String clause) {
        if (clause.equals("bright")) {
            return seen -> seen.brightness() >= 0.6;
        }
        if (clause.equals("dark")) {
            return seen -> seen.brightness() <= 0.3;
        }
        if (clause.equals("nothing")) {
            return seen -> seen.objects().isEmpty();
        }
        if (clause.startsWith("colour:")) {
            String[] kv = clause.substring("colour:".length()).split(">=");
            if (kv.length != 2) {
                throw new IllegalArgumentException("expected colour:NAME>=SHARE, got " + clause);
            }
            double share = Double.parseDouble(kv[1]);
            return seen -> seen.colours().getOrDefault(kv[0], 0.0) >= share;
        }
        if (clause.startsWith("!")) {
            List<String> none = labels(clause.substring(1));
            return seen -> none.stream().noneMatch(seen.objects()::containsKey);
        }
        if (clause.contains(">=")) {
            String[] kv = clause.split(">=");
            int at = Integer.parseInt(kv[1]);
            String label = labels(kv[0]).get(0);
            return seen -> seen.objects().getOrDefault(label, 0) >= at;
        }
        List<String> any = labels(clause);
        return seen -> any.stream().anyMatch(seen.objects()::containsKey);
    }

    /** "dining_table|oven" → ["dining table", "oven"]: labels with spaces are written with underscores. */
    private static List<String> labels(String alternatives) {
        return List.of(alternatives.replace('_', ' ').split("\\|"));
    }
}
