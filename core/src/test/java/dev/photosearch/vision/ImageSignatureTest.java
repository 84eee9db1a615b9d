package dev.photosearch.vision;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.photosearch.testing.Pictures;
import java.awt.Color;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Perceptual hash and colour histogram. */
class ImageSignatureTest {

    @Test
    void survivesTheRoundTripThroughStoredFacts() {
        ImageSignature signature = ImageSignature.of(Pictures.scene(5, 320, 240));
        ImageSignature read = ImageSignature.fromFacts(signature.facts());
        assertEquals(signature.dhash(), read.dhash());
        assertArrayEquals(signature.histogram(), read.histogram(), 1e-6f);
        assertEquals(1.0, signature.similarity(read), 1e-9);
    }

    @Test
    void malformedFactsReadAsNoSignature() {
        assertNull(ImageSignature.fromFacts(Map.of()));
        assertNull(ImageSignature.fromFacts(Map.of("dhash", "zz", "histogram", "00")));
        assertNull(ImageSignature.fromFacts(Map.of("dhash", "g".repeat(16), "histogram", "0".repeat(128))));
    }

    @Test
    void aFlatPictureHashesToZeroAndItsHistogramIsOneBin() {
        ImageSignature flat = ImageSignature.of(Pictures.uniform(new Color(200, 30, 30), 90, 80));
        assertEquals(0, flat.dhash());
        // (200, 30, 30) falls in bin r=3, g=0, b=0.
        assertEquals(1f, flat.histogram()[3 * 16], 1e-6f);
    }

    @Test
    void aLeftToRightDarkeningGradientSetsEveryBit() {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(90, 80,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 90; x++) {
            int v = 255 - x * 255 / 89;
            for (int y = 0; y < 80; y++) {
                image.setRGB(x, y, new Color(v, v, v).getRGB());
            }
        }
        assertEquals(-1L, ImageSignature.of(image).dhash());
        assertTrue(ImageSignature.of(image).distance(ImageSignature.of(Pictures.uniform(Color.GRAY, 90, 80))) == 64);
    }
}
