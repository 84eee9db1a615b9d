package dev.photosearch.vision;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Generates a token sequence from a model that scores the next token: greedy (one beam) or beam search, with a
 * length cap and a guard that forbids repeating any n-gram.
 *
 * @param beams       beams kept; 1 is greedy decoding
 * @param maxTokens   most tokens generated, the end token excluded
 * @param noRepeat    size of n-grams that may not occur twice (0 turns the guard off)
 * @param startToken  first token fed to the model
 * @param endToken    the token that ends a sequence
 */
public record BeamSearch(int beams, int maxTokens, int noRepeat, long startToken, long endToken) {

    /** The model being decoded: next-token logits for each prefix (all prefixes have the same length). */
    @FunctionalInterface
    public interface Step {
        float[][] next(List<long[]> prefixes) throws IOException;
    }

    private record Beam(long[] tokens, double score) {
        double normalised() {
            return score / Math.max(1, tokens.length - 1);
        }
    }

    /** The best sequence found, without the start and end tokens. */
    public long[] run(Step model) throws IOException {
        List<Beam> alive = List.of(new Beam(new long[] {startToken}, 0));
        List<Beam> finished = new ArrayList<>();
        for (int step = 0; step < maxTokens && !alive.isEmpty(); step++) {
            float[][] logits = model.next(alive.stream().map(Beam::tokens).toList());
            List<Beam> candidates = new ArrayList<>();
            for (int b = 0; b < alive.size(); b++) {
                Beam beam = alive.get(b);
                double[] logProbs = logSoftmax(logits[b]);
                banRepeats(beam.tokens(), logProbs);
                for (int token : top(logProbs, 2 * beams)) {
                    long[] tokens = Arrays.copyOf(beam.tokens(), beam.tokens().length + 1);
                    tokens[tokens.length - 1] = token;
                    candidates.add(new Beam(tokens, beam.score() + logProbs[token]));
                }
            }
            candidates.sort(Comparator.comparingDouble(c -> -c.score()));
            List<Beam> next = new ArrayList<>();
            for (Beam c : candidates) {
                if (next.size() == beams) {
                    break;
                }
                if (c.tokens()[c.tokens().length - 1] == endToken) {
                    finished.add(c);
                } else {
                    next.add(c);
                }
            }
            alive = next;
            if (finished.size() >= beams) {
                break;
            }
        }
        List<Beam> pool = finished.isEmpty() ? alive : finished;
        Beam best = pool.stream().max(Comparator.comparingDouble(Beam::normalised)).orElseThrow();
        long[] tokens = best.tokens();
        int end = tokens[tokens.length - 1] == endToken ? tokens.length - 1 : tokens.length;
        return Arrays.copyOfRange(tokens, 1, end);
    }

    /** Forbids every token that would complete an n-gram already present in {@code tokens}. */
    private void banRepeats(long[] tokens, double[] logProbs) {
        int n = noRepeat;
        if (n <= 0 || tokens.length < n) {
            return;
        }
        for (int i = 0; i + n <= tokens.length; i++) {
            boolean same = true;
            for (int k = 0; k < n - 1 && same; k++) {
                same = tokens[i + k] == tokens[tokens.length - n + 1 + k];
            }
            int banned = (int) tokens[i + n - 1];
            if (same && banned < logProbs.length) {
                logProbs[banned] = Double.NEGATIVE_INFINITY;
            }
        }
    }

    private static double[] logSoftmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l);
        }
        double sum = 0;
        for (float l : logits) {
            sum += Math.exp(l - max);
        }
        double log = max + Math.log(sum);
        double[] out = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            out[i] = logits[i] - log;
        }
        return out;
    }

    /** Indices of the {@code k} largest finite values, best first. */
    private static int[] top(double[] values, int k) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] == Double.NEGATIVE_INFINITY) {
                continue;
            }
            order.add(i);
            if (order.size() > 4 * k) {
                order.sort(Comparator.comparingDouble(j -> -values[j]));
                order.subList(k, order.size()).clear();
            }
        }
        order.sort(Comparator.comparingDouble(j -> -values[j]));
        return order.stream().limit(k).mapToInt(Integer::intValue).toArray();
    }
}
