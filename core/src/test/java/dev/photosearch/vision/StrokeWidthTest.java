package dev.photosearch.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class StrokeWidthTest {

    @Test
    void aBarOfOneWidthHasNoSpread() {
        int width = 30;
        int height = 9;
        boolean[] mask = new boolean[width * height];
        for (int y = 2; y < 7; y++) {
            for (int x = 0; x < width; x++) {
                mask[y * width + x] = true;
            }
        }
        assertEquals(0, StrokeWidth.spread(mask, width, height), 1e-9);
    }

    @Test
    void printedLettersAreEvenAndAWedgeIsNot() {
        for (String letter : new String[] {"O", "S", "e", "k"}) {
            double spread = StrokeWidth.spread(glyph(letter), 60, 60);
            assertTrue(spread < 0.4, letter + " " + spread);
        }
        // A blotch that thickens from a point to 21 pixels, like a leaf or a shadow.
        int size = 40;
        boolean[] wedge = new boolean[size * size];
        for (int x = 0; x < size; x++) {
            int half = x / 4;
            for (int y = 20 - half; y <= 20 + half; y++) {
                wedge[y * size + x] = true;
            }
        }
        assertTrue(StrokeWidth.spread(wedge, size, size) > 0.5);
    }

    @Test
    void anEmptyOrTinyShapeHasNoSpread() {
        assertEquals(0, StrokeWidth.spread(new boolean[4], 2, 2));
        assertEquals(0, StrokeWidth.spread(new boolean[] {true}, 1, 1));
    }

    private static boolean[] glyph(String letter) {
        BufferedImage image = new BufferedImage(60, 60, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 48));
        g.drawString(letter, 8, 48);
        g.dispose();
        boolean[] mask = new boolean[60 * 60];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = (image.getRGB(i % 60, i / 60) & 0xff) > 127;
        }
        return mask;
    }
}
