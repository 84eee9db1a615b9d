package dev.photosearch.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OrientationTest {

    /** A 3×2 image whose pixels are all different, so every move can be traced. */
    private static BufferedImage numbered() {
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                image.setRGB(x, y, 0xFF000000 | (y * 3 + x + 1));
            }
        }
        return image;
    }

    @ParameterizedTest(name = "orientation {0}: stored top-left lands at ({1},{2}), size {3}x{4}")
    @CsvSource({
        "2, 2, 0, 3, 2",
        "3, 2, 1, 3, 2",
        "4, 0, 1, 3, 2",
        "5, 0, 0, 2, 3",
        "6, 1, 0, 2, 3",
        "7, 1, 2, 2, 3",
        "8, 0, 2, 2, 3",
    })
    void movesPixelsUpright(int orientation, int x, int y, int width, int height) {
        BufferedImage image = numbered();

        BufferedImage upright = Orientation.apply(image, orientation);

        assertEquals(width, upright.getWidth());
        assertEquals(height, upright.getHeight());
        assertEquals(image.getRGB(0, 0), upright.getRGB(x, y));
        assertEquals(sortedPixels(image), sortedPixels(upright), "every pixel kept exactly once");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 9})
    void leavesNormalOrUnknownAlone(int orientation) {
        BufferedImage image = numbered();
        assertSame(image, Orientation.apply(image, orientation));
        assertSame(image, Orientation.apply(image, null));
    }

    private static String sortedPixels(BufferedImage image) {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        Arrays.sort(pixels);
        return Arrays.toString(pixels);
    }
}
