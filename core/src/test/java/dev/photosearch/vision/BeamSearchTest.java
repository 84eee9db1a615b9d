package dev.photosearch.vision;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Greedy and beam decoding over made-up next-token tables. */
class BeamSearchTest {

    private static final long START = 9;
    private static final long END = 0;

    /** Next-token probabilities by last token; missing tokens get almost nothing. */
    private static BeamSearch.Step table(Map<Long, double[]> probabilities) {
        return prefixes -> {
            float[][] logits = new float[prefixes.size()][];
            for (int i = 0; i < prefixes.size(); i++) {
                long[] p = prefixes.get(i);
                double[] probs = probabilities.get(p[p.length - 1]);
                logits[i] = new float[10];
                for (int t = 0; t < 10; t++) {
                    logits[i][t] = (float) Math.log(probs[t] + 1e-9);
                }
            }
            return logits;
        };
    }

    private static double[] probs(double... pairs) {
        double[] p = new double[10];
        for (int i = 0; i < pairs.length; i += 2) {
            p[(int) pairs[i]] = pairs[i + 1];
        }
        return p;
    }

    @Test
    void beamSearchFindsTheLikelierSequenceThatGreedyMisses() throws IOException {
        // Greedy takes 1 (0.6) then has only 0.3 chances of ending well: 0.18; 2 (0.4) then end (0.9) is 0.36.
        BeamSearch.Step model = table(Map.of(
                START, probs(1, 0.6, 2, 0.4),
                1L, probs(END, 0.3, 3, 0.35, 4, 0.35),
                2L, probs(END, 0.9, 3, 0.1),
                3L, probs(END, 1.0),
                4L, probs(END, 1.0)));
        assertArrayEquals(new long[] {1, 3}, new BeamSearch(1, 10, 0, START, END).run(model));
        assertArrayEquals(new long[] {2}, new BeamSearch(3, 10, 0, START, END).run(model));
    }

    @Test
    void theLengthCapStopsAModelThatNeverEnds() throws IOException {
        BeamSearch.Step model = table(Map.of(START, probs(1, 1), 1L, probs(2, 1), 2L, probs(1, 1)));
        assertArrayEquals(new long[] {1, 2, 1, 2}, new BeamSearch(1, 4, 0, START, END).run(model));
    }

    @Test
    void theRepeatGuardForbidsARepeatedNgram() throws IOException {
        // The model loves "1 2 1 2 ..."; with no repeated bigram, "1 2" cannot come back, so it takes 3 and ends.
        BeamSearch.Step model = table(Map.of(
                START, probs(1, 1),
                1L, probs(2, 0.9, 3, 0.1),
                2L, probs(1, 0.9, END, 0.1),
                3L, probs(END, 1)));
        assertArrayEquals(new long[] {1, 2, 1, 3}, new BeamSearch(1, 10, 2, START, END).run(model));
        assertArrayEquals(new long[] {1, 2, 1, 2, 1, 2}, new BeamSearch(1, 6, 0, START, END).run(model));
    }

    @Test
    void eachBeamGetsItsOwnRow() throws IOException {
        int[] rows = new int[1];
        BeamSearch.Step model = prefixes -> {
            rows[0] = Math.max(rows[0], prefixes.size());
            return table(Map.of(START, probs(1, 0.5, 2, 0.5), 1L, probs(3, 0.5, 4, 0.5),
                    2L, probs(3, 0.5, 4, 0.5), 3L, probs(END, 1), 4L, probs(END, 1))).next(prefixes);
        };
        new BeamSearch(2, 10, 0, START, END).run(model);
        assertArrayEquals(new int[] {2}, rows);
    }
}
