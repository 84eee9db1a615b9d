package dev.photosearch.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class BoxFusionTest {

    private static final double EPS = 1e-9;

    @Test
    void anObjectEveryRunSeesIsOneBoxWithTheMeanScoreAndAScoreWeightedBox() {
        Region a = new Region("dog", 0.8, 0.10, 0.10, 0.40, 0.40);
        Region b = new Region("dog", 0.4, 0.13, 0.10, 0.40, 0.40);

        List<Region> fused = BoxFusion.fuse(List.of(List.of(a), List.of(b)));

        assertEquals(1, fused.size());
        Region dog = fused.get(0);
        assertEquals("dog", dog.label());
        assertEquals(0.6, dog.score(), EPS);
        assertEquals((0.8 * 0.10 + 0.4 * 0.13) / 1.2, dog.x(), EPS);
        assertEquals(0.40, dog.width(), EPS);
    }

    @Test
    void anObjectOneRunMissesLosesItsShareOfTheScore() {
        List<Region> fused = BoxFusion.fuse(List.of(List.of(new Region("cup", 0.6, 0.5, 0.5, 0.1, 0.1)), List.of()));

        assertEquals(List.of(new Region("cup", 0.3, 0.5, 0.5, 0.1, 0.1)), fused);
    }

    @Test
    void weightsCountEachRunsScore() {
        Region seen = new Region("cup", 0.6, 0.5, 0.5, 0.1, 0.1);

        double strongOnly = BoxFusion.fuse(List.of(List.of(seen), List.of()), new double[] {1, 0.5}).get(0).score();
        double weakOnly = BoxFusion.fuse(List.of(List.of(), List.of(seen)), new double[] {1, 0.5}).get(0).score();

        assertEquals(0.4, strongOnly, EPS);
        assertEquals(0.2, weakOnly, EPS);
    }

    @Test
    void twoBoxesOfOneRunCountOnceAndOtherClassesOrPlacesStayApart() {
        Region left = new Region("person", 0.9, 0.0, 0.0, 0.3, 0.9);
        Region leftAgain = new Region("person", 0.5, 0.01, 0.0, 0.3, 0.9);
        Region right = new Region("person", 0.7, 0.6, 0.0, 0.3, 0.9);
        Region bike = new Region("bicycle", 0.8, 0.0, 0.0, 0.3, 0.9);

        List<Region> fused = BoxFusion.fuse(List.of(List.of(left, leftAgain, right, bike)));

        assertEquals(List.of("person", "bicycle", "person"), fused.stream().map(Region::label).toList());
        assertEquals(List.of(0.9, 0.8, 0.7), fused.stream().map(Region::score).toList());
    }

    @Test
    void nothingToFuseIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> BoxFusion.fuse(List.of()));
        assertThrows(IllegalArgumentException.class, () -> BoxFusion.fuse(List.of(List.of()), new double[2]));
    }
}
