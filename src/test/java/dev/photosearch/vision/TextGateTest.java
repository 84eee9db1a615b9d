package dev.photosearch.vision;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
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
    void aTinyImageIsNoProblem() {
        assertFalse(TextGate.hasText(new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB)));
    }
}
