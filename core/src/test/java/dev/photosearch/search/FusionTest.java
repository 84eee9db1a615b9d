package dev.photosearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FusionTest {

    @Test
    void parsesWeightsAndTheConstant() {
        Fusion fusion = Fusion.parse("text=0.5, vector=2,k=10");
        assertEquals(0.5, fusion.weight("text"));
        assertEquals(2.0, fusion.weight("vector"));
        assertEquals(1.0, fusion.weight("clip"));
        assertEquals(10, fusion.k());
    }

    @Test
    void refusesWhatIsNotAWeight() {
        assertThrows(IllegalArgumentException.class, () -> Fusion.parse("text"));
        assertThrows(IllegalArgumentException.class, () -> Fusion.parse("text=lots"));
        assertThrows(IllegalArgumentException.class, () -> Fusion.parse("text=-1"));
        assertThrows(IllegalArgumentException.class, () -> Fusion.parse("k=-5"));
    }
}
