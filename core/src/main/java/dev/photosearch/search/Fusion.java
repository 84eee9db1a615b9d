package dev.photosearch.search;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the signals' rankings are fused: weighted reciprocal rank fusion, each signal adding
 * {@code weight / (k + rank)} for every photo it found. A signal of weight 0 is not run.
 *
 * @param k       dampens the difference between the very first ranks (60 is the usual value)
 * @param weights weight per signal name ("text", "vector", "clip"); a signal not named weighs 1
 */
public record Fusion(int k, Map<String, Double> weights) {

    /**
     * Meaning leads and words break ties: on paraphrased queries over real Instagram captions and on COCO's human
     * captions over generated descriptions, words weighing 0.2 ranked best (docs/benchmarks.md, "Fusion").
     */
    public static final Fusion DEFAULT = new Fusion(60, Map.of("text", 0.2));

    public Fusion {
        if (k < 0) {
            throw new IllegalArgumentException("the fusion constant k must not be negative");
        }
        weights = Map.copyOf(weights);
        if (weights.values().stream().anyMatch(w -> w < 0 || w.isNaN())) {
            throw new IllegalArgumentException("signal weights must not be negative");
        }
    }

    public double weight(String signal) {
        return weights.getOrDefault(signal, 1.0);
    }

    /** Parses "text=0.5,vector=1" (and optionally "k=60"). */
    public static Fusion parse(String spec) {
        Map<String, Double> weights = new LinkedHashMap<>();
        int k = DEFAULT.k();
        for (String part : spec.split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length != 2) {
                throw new IllegalArgumentException("expected signal=weight, got '" + part.strip() + "'");
            }
            try {
                if (pair[0].strip().equals("k")) {
                    k = Integer.parseInt(pair[1].strip());
                } else {
                    weights.put(pair[0].strip(), Double.parseDouble(pair[1].strip()));
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a number in '" + part.strip() + "'");
            }
        }
        return new Fusion(k, weights);
    }
}
