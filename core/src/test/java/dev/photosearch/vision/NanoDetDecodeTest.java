package dev.photosearch.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** NanoDet's heads decoded from outputs built here: a 2×2 grid and a 1×1 grid, three classes, 3 bins per side. */
class NanoDetDecodeTest {

    private static final List<ObjectClass> CLASSES = List.of(new ObjectClass("cat", "cat", "cats"),
            new ObjectClass("dog", "dog", "dogs"), new ObjectClass("cup", "cup", "cups"));
    private static final int BINS = 3;
    private static final double EPS = 1e-6;

    @Test
    void aConfidentCellBecomesABoxAroundItsCentre() {
        float[] scores = new float[4 * 3];
        scores[3 * 3 + 1] = 0.9f;                          // cell (1, 1): a dog
        float[] sides = new float[4 * 4 * BINS];
        int at = 3 * 4 * BINS;
        sides[at + 1] = 20;                                // left: 1 cell
        sides[at + BINS] = 20;                             // top: 0 cells
        sides[at + 2 * BINS + 2] = 20;                     // right: 2 cells
        sides[at + 3 * BINS + 1] = 20;                     // bottom: 1 cell

        List<Region> boxes = NanoDet.decode(List.of(output(scores, 4, 3), output(sides, 4, 4 * BINS)), CLASSES, 10);

        assertEquals(1, boxes.size());
        Region dog = boxes.get(0);
        assertEquals("dog", dog.label());
        assertEquals(0.9, dog.score(), EPS);
        // Centre (0.75, 0.75); a cell is half the image; the right and bottom edges are cut at the border.
        assertEquals(0.25, dog.x(), 1e-3);
        assertEquals(0.75, dog.y(), 1e-3);
        assertEquals(0.75, dog.width(), 1e-3);
        assertEquals(0.25, dog.height(), 1e-3);
    }

    @Test
    void gridsArePairedByCellCountAndWeakScoresAndDuplicatesDropped() {
        float[] fine = new float[4 * 3];
        fine[0] = 0.5f;                                    // cell (0, 0): a cat
        fine[2] = (float) (NanoDet.MIN_SCORE / 2);         // a cup too weak to keep
        float[] coarse = {0.7f, 0f, 0.6f};                 // the whole image: a cat and a cup
        float[] fineSides = new float[4 * 4 * BINS];
        fineSides[0] = 20;                                 // cell (0, 0): left and top 0, right and bottom 1 cell
        fineSides[BINS] = 20;
        fineSides[2 * BINS + 1] = 20;
        fineSides[3 * BINS + 1] = 20;
        float[] coarseSides = new float[4 * BINS];         // all bins equal: one cell each way, the whole image

        List<Region> boxes = NanoDet.decode(List.of(output(coarse, 1, 3), output(fineSides, 4, 4 * BINS),
                output(fine, 4, 3), output(coarseSides, 1, 4 * BINS)), CLASSES, 10);

        assertEquals(List.of("cat", "cup", "cat"), boxes.stream().map(Region::label).toList());
        assertEquals(0.7, boxes.get(0).score(), EPS);
        assertEquals(1.0, boxes.get(0).width(), EPS);
        assertEquals(0.5, boxes.get(2).score(), EPS);
        assertEquals(0.5, boxes.get(2).width(), 1e-3);
        assertEquals(List.of("cat"), NanoDet.decode(List.of(output(coarse, 1, 3), output(coarseSides, 1,
                4 * BINS)), CLASSES, 1).stream().map(Region::label).toList());
    }

    @Test
    void malformedHeadsAreErrors() {
        float[] scores = new float[4 * 3];
        scores[0] = 0.9f;
        assertThrows(IllegalArgumentException.class,
                () -> NanoDet.decode(List.of(output(scores, 4, 3)), CLASSES, 10));
        assertThrows(IllegalArgumentException.class,
                () -> NanoDet.decode(List.of(output(new float[3 * 3], 3, 3), output(new float[3 * 12], 3, 12)),
                        CLASSES, 10));
        assertThrows(IllegalArgumentException.class,
                () -> NanoDet.decode(List.of(output(scores, 4, 3), output(new float[4 * 6], 4, 6)), CLASSES, 10));
        assertThrows(IllegalArgumentException.class,
                () -> NanoDet.decode(List.of(output(new float[4 * 4], 4, 4)), CLASSES, 10));
    }

    @Test
    void sideDistanceIsTheExpectedBin() {
        assertEquals(1.0, NanoDet.expectation(new float[] {0, 0, 0}, 0, 3), EPS);
        assertEquals(2.0, NanoDet.expectation(new float[] {9, -50, -50, 50}, 1, 3), EPS);
        double e = Math.exp(1);
        assertEquals(e / (1 + e), NanoDet.expectation(new float[] {0, 1}, 0, 2), EPS);
        assertTrue(Double.isFinite(NanoDet.expectation(new float[] {1000, 1000}, 0, 2)));
    }

    private static NanoDet.Output output(float[] values, int cells, int perCell) {
        assertEquals(values.length, cells * perCell);
        return new NanoDet.Output(new long[] {1, cells, perCell}, values);
    }
}
