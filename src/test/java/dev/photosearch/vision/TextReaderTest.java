package dev.photosearch.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class TextReaderTest {

    private static String row(int line, int left, int top, int width, int height, double conf, String text) {
        return String.join("\t", "5", "1", "1", "1", String.valueOf(line), "1", String.valueOf(left),
                String.valueOf(top), String.valueOf(width), String.valueOf(height), String.valueOf(conf), text);
    }

    @Test
    void keepsConfidentWordsGroupedByLineWithRelativeBoxes() {
        String tsv = String.join("\n",
                "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext",
                "4\t1\t1\t1\t1\t0\t10\t10\t300\t40\t-1\t",
                row(1, 10, 10, 100, 40, 95, "ISTANBUL"),
                row(1, 120, 12, 80, 38, 91, "GRILL,"),
                row(2, 50, 200, 20, 20, 97, "|"),
                row(2, 80, 200, 30, 20, 60, "fence"),
                row(3, 0, 300, 40, 20, 99, "At"));

        List<Region> lines = TextReader.lines(tsv, 400, 400);

        assertEquals(1, lines.size());
        Region line = lines.get(0);
        assertEquals("ISTANBUL GRILL", line.label());
        assertEquals(0.93, line.score(), 1e-9);
        assertEquals(10 / 400.0, line.x(), 1e-9);
        assertEquals(10 / 400.0, line.y(), 1e-9);
        assertEquals(190 / 400.0, line.width(), 1e-9);
        assertEquals(40 / 400.0, line.height(), 1e-9);
    }

    @Test
    void aWordHasThreeLettersAndNothingButLettersAndDigits() {
        assertTrue(TextReader.isWord("GRILL"));
        assertTrue(TextReader.isWord("\"Café\""));
        assertTrue(TextReader.isWord("Route66"));
        assertFalse(TextReader.isWord("At"));
        assertFalse(TextReader.isWord("“4"));
        assertFalse(TextReader.isWord("2019"));
        assertFalse(TextReader.isWord("a|b|c"));
    }

    @Test
    void aMissingProgramMeansNoReader() {
        assertTrue(TextReader.find("/nonexistent/tesseract").isEmpty());
    }

    @Test
    void readsASignDrawnInAPicture() {
        var reader = TextReader.find();
        Assumptions.assumeTrue(reader.isPresent(), "tesseract-ocr is not installed; .ci/run installs it");
        BufferedImage image = new BufferedImage(640, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(30, 120, 60));
        g.fillRect(0, 0, 640, 240);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 72));
        g.drawString("CITY ZOO", 120, 150);
        g.dispose();

        Analysis analysis = reader.get().analyse(image);

        assertEquals("text reads \"CITY ZOO\"", analysis.phrase());
        assertEquals(List.of("city", "zoo"), analysis.terms());
        Region region = analysis.regions().get(0);
        assertTrue(region.x() > 0.1 && region.x() < 0.3 && region.y() > 0.2 && region.y() < 0.5, region.toString());
    }

    @Test
    void aPictureWithoutTextSaysNothing() {
        var reader = TextReader.find();
        Assumptions.assumeTrue(reader.isPresent(), "tesseract-ocr is not installed; .ci/run installs it");
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Analysis analysis = reader.get().analyse(image);
        assertEquals("", analysis.phrase());
        assertTrue(analysis.regions().isEmpty());
    }
}
