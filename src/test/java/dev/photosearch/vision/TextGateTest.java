package dev.photosearch.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class TextGateTest {

    @Test
    void passesSignsMemesAndPages() {
        assertTrue(TextGate.hasText(TextImages.sign("BAKERY", 1)), "sign");
        assertTrue(TextGate.hasText(TextImages.meme("WHEN MONDAY", 2)), "meme");
        assertTrue(TextGate.hasText(TextImages.page("Ten things nobody tells you", "about moving to Lyon")), "page");
    }

    @Test
    void skipsPicturesWithoutText() {
        List<BufferedImage> images = List.of(TextImages.flat(Color.BLACK), TextImages.flat(new Color(120, 180, 90)),
                TextImages.landscape(3), TextImages.landscape(4), TextImages.landscape(5));
        for (BufferedImage image : images) {
            assertFalse(TextGate.hasText(image));
        }
    }

    @Test
    void mostFoliageIsNoText() {
        // Leaves in light and shade line up by chance: 17 of these 20 passed before rows had to share ink and pen,
        // 10 now.
        long passed = LongStream.rangeClosed(1, 20).filter(seed -> TextGate.hasText(TextImages.foliage(seed))).count();
        assertTrue(passed <= 12, passed + " of 20");
    }

    @Test
    void lettersOfARowShareTheirInk() {
        List<LetterBlobs.Blob> alternating = new ArrayList<>();
        List<LetterBlobs.Blob> dark = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Rectangle box = new Rectangle(20 + 26 * i, 40, 20, 30);
            alternating.add(new LetterBlobs.Blob(box, 4, i % 2 == 0, () -> 0.2));
            dark.add(new LetterBlobs.Blob(box, 4, true, () -> 0.2));
        }
        // Dark and light patches side by side (lit and shaded leaves, slats) are no line of letters.
        assertEquals(List.of(), TextGate.rows(alternating));
        assertEquals(List.of(new Rectangle(20, 40, 150, 30)), TextGate.rows(dark));
    }

    @Test
    void lettersOfARowAreDrawnWithOnePen() {
        List<LetterBlobs.Blob> even = new ArrayList<>();
        List<LetterBlobs.Blob> blotches = new ArrayList<>();
        List<LetterBlobs.Blob> unlike = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Rectangle box = new Rectangle(20 + 26 * i, 40, 20, 30);
            even.add(new LetterBlobs.Blob(box, 4, true, () -> 0.2));
            blotches.add(new LetterBlobs.Blob(box, 4, true, () -> 0.9));
            unlike.add(new LetterBlobs.Blob(box, i % 2 == 0 ? 4 : 8, true, () -> 0.2));
        }
        assertEquals(1, TextGate.rows(even).size());
        assertEquals(List.of(), TextGate.rows(blotches), "strokes thickening and thinning within each blob");
        assertEquals(List.of(), TextGate.rows(unlike), "strokes of 4 and 8 pixels in turn");
    }

    @Test
    void aRowOfLightLettersOnDarkGroundIsText() {
        BufferedImage image = TextImages.flat(new Color(20, 40, 90));
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 40));
        g.drawString("EXIT 12", 60, 130);
        g.dispose();
        assertTrue(TextGate.hasText(image));
    }

    @Test
    void aTinyImageIsNoProblem() {
        assertFalse(TextGate.hasText(new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB)));
    }
}
