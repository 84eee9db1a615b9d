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
        assertTrue(passes(TextImages.sign("BAKERY", 1)), "sign");
        assertTrue(passes(TextImages.meme("WHEN MONDAY", 2)), "meme");
        assertTrue(passes(TextImages.page("Ten things nobody tells you", "about moving to Lyon")), "page");
    }

    @Test
    void rowsLieOnTheWords() {
        // The sign's words are drawn from x = 130 with their baseline at y = 195, capitals 56 pixels high.
        List<Rectangle> rows = TextGate.rows(TextImages.sign("BAKERY", 1));
        assertFalse(rows.isEmpty());
        Rectangle words = new Rectangle(125, 145, 330, 55);
        for (Rectangle row : rows) {
            assertTrue(words.contains(row), row + " lies outside the words");
        }
    }

    @Test
    void skipsPicturesWithoutText() {
        List<BufferedImage> images = List.of(TextImages.flat(Color.BLACK), TextImages.flat(new Color(120, 180, 90)),
                TextImages.landscape(3), TextImages.landscape(4), TextImages.landscape(5));
        for (BufferedImage image : images) {
            assertFalse(passes(image));
        }
    }

    @Test
    void mostFoliageIsNoText() {
        // Leaves in light and shade line up by chance: 17 of these 20 passed before rows had to share ink and pen,
        // 10 now.
        long passed = LongStream.rangeClosed(1, 20).filter(seed -> passes(TextImages.foliage(seed))).count();
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
        assertTrue(passes(image));
    }

    @Test
    void aTinyImageIsNoProblem() {
        assertFalse(passes(new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB)));
    }

    private static boolean passes(BufferedImage image) {
        return !TextGate.rows(image).isEmpty();
    }
}
