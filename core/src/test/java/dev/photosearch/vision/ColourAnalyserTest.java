package dev.photosearch.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ColourAnalyserTest {

    private final ColourAnalyser analyser = new ColourAnalyser();

    /** Horizontal bands of the given colours, each band's height proportional to its weight. */
    private static BufferedImage bands(Object... colourWeightPairs) {
        BufferedImage image = new BufferedImage(1024, 768, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        int y = 0;
        for (int i = 0; i < colourWeightPairs.length; i += 2) {
            int height = (int) Math.round(768 * (double) colourWeightPairs[i + 1]);
            g.setColor((Color) colourWeightPairs[i]);
            g.fillRect(0, y, 1024, height);
            y += height;
        }
        g.dispose();
        return image;
    }

    @Test
    void pureBlueIsBlue() {
        Analysis analysis = analyser.analyse(bands(Color.BLUE, 1.0));

        assertEquals("colours", analysis.analyser());
        assertEquals(2, analysis.version());
        assertEquals("mostly blue", analysis.phrase());
        assertEquals(List.of("blue"), analysis.terms());
        assertEquals("blue:1.00", analysis.facts().get("colours"));
        assertEquals("false", analysis.facts().get("monochrome"));
    }

    @Test
    void recordsTheColourOfTheTopAndBottomThirds() {
        Analysis sky = analyser.analyse(bands(new Color(40, 90, 200), 0.4, Color.WHITE, 0.2, new Color(60, 150, 60),
                0.4));
        assertEquals("blue", sky.facts().get("top"));
        assertEquals("green", sky.facts().get("bottom"));
        Analysis flat = analyser.analyse(bands(Color.RED, 1.0));
        assertEquals("red", flat.facts().get("top"));
        assertEquals("red", flat.facts().get("bottom"));
    }

    @Test
    void namesUpToThreeColoursLargestFirstAndIgnoresSmallOnes() {
        Analysis analysis = analyser.analyse(bands(
                new Color(40, 90, 200), 0.5, Color.WHITE, 0.3, new Color(60, 150, 60), 0.14, Color.RED, 0.06));

        assertEquals("mostly blue, white and green", analysis.phrase());
        assertEquals(List.of("blue", "white", "green"), analysis.terms());
        assertEquals("blue:0.50,white:0.30,green:0.14", analysis.facts().get("colours"));
    }

    @Test
    void brightPaleImageIsBright() {
        Analysis analysis = analyser.analyse(bands(Color.WHITE, 0.6, new Color(135, 206, 235), 0.4));

        assertEquals("mostly white and blue, bright", analysis.phrase());
        assertEquals(List.of("white", "blue", "bright"), analysis.terms());
    }

    @Test
    void greyGradientIsBlackAndWhite() {
        BufferedImage image = new BufferedImage(1024, 256, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 1024; x++) {
            for (int y = 0; y < 256; y++) {
                int v = x / 4;
                image.setRGB(x, y, new Color(v, v, v).getRGB());
            }
        }

        Analysis analysis = analyser.analyse(image);

        assertTrue(analysis.phrase().startsWith("black and white"), analysis.phrase());
        assertTrue(analysis.terms().contains("black and white"));
        assertEquals("true", analysis.facts().get("monochrome"));
        assertFalse(analysis.terms().contains("blue"));
    }

    @Test
    void darkImageIsDark() {
        Analysis analysis = analyser.analyse(bands(new Color(12, 12, 14), 0.7, new Color(60, 10, 10), 0.3));

        assertTrue(analysis.phrase().endsWith(", dark"), analysis.phrase());
        assertTrue(analysis.terms().contains("dark"));
        assertTrue(Double.parseDouble(analysis.facts().get("brightness")) < 0.3);
    }

    @ParameterizedTest(name = "{0} ({1},{2},{3}) reads as {0}")
    @CsvSource({
        "red, 220, 20, 30",
        "orange, 255, 140, 0",
        "yellow, 250, 230, 60",
        "green, 34, 139, 34",
        "blue, 135, 206, 235",
        "blue, 0, 0, 128",
        "purple, 128, 0, 128",
        "pink, 255, 182, 193",
        "brown, 139, 69, 19",
        "black, 5, 5, 5",
        "white, 250, 250, 250",
        "grey, 128, 128, 128",
        "beige, 220, 200, 160",
    })
    void namesEverydayColours(String name, int r, int g, int b) {
        Analysis analysis = analyser.analyse(bands(new Color(r, g, b), 1.0));

        assertEquals(name, analysis.terms().get(0), analysis.phrase());
    }

    @Test
    void tinyImagesWork() {
        BufferedImage image = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, Color.RED.getRGB());

        assertEquals("mostly red", analyser.analyse(image).phrase());
    }
}
