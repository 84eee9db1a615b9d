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
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class TextReaderTest {

    static final String NO_DATA = "no Tesseract language data (eng, fra) on this machine; .ci/run installs "
            + "tesseract-ocr-eng and tesseract-ocr-fra";

    private static void assumeLanguageData() {
        Assumptions.assumeTrue(TesseractData.find(System.getenv()).isPresent(), NO_DATA);
    }

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

        List<Region> lines = TextReader.lines(tsv, new Rectangle(400, 400), 400, 400);

        assertEquals(1, lines.size());
        Region line = lines.get(0);
        assertEquals("ISTANBUL GRILL", line.label());
        assertEquals(0.93, line.score(), 1e-9);
        assertBox(line, 10 / 400.0, 10 / 400.0, 190 / 400.0, 40 / 400.0);
    }

    @Test
    void boxesReadInAPartOfTheImageArePlacedInTheWholeImage() {
        List<Region> lines = TextReader.lines(row(1, 10, 20, 100, 40, 95, "BAKERY"), new Rectangle(300, 200, 320, 100),
                800, 400);

        assertBox(lines.get(0), 310 / 800.0, 220 / 400.0, 100 / 800.0, 40 / 400.0);
    }

    private static void assertBox(Region line, double x, double y, double width, double height) {
        assertEquals(List.of(x, y, width, height), List.of(line.x(), line.y(), line.width(), line.height()));
    }

    @Test
    void theAreaReadIsTheRowsWithARowsHeightAboveAndBelowAndTwoAtEachEnd() {
        assertEquals(new Rectangle(60, 80, 280, 60), TextReader.around(List.of(new Rectangle(100, 100, 200, 20)), 640,
                480));
        // Two rows make one area; the picture's edges cut it.
        assertEquals(new Rectangle(0, 80, 400, 400), TextReader.around(List.of(new Rectangle(10, 100, 200, 20),
                new Rectangle(300, 440, 60, 20)), 640, 480));
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
    void photosTheGateSkipsNeverReachTesseract() {
        List<BufferedImage> read = new ArrayList<>();
        Function<BufferedImage, String> counting = image -> {
            read.add(image);
            return row(1, 130, 150, 200, 45, 95, "BAKERY");
        };
        try (TextReader reader = new TextReader(counting, () -> {}, TextGate::rows)) {
            assertEquals("", reader.analyse(TextImages.landscape(7)).phrase());
            assertEquals(List.of(), read);
            BufferedImage sign = TextImages.sign("BAKERY", 7);
            assertEquals(List.of("bakery"), reader.analyse(sign).terms());
            assertEquals(1, read.size());
            // Only the part around the words is read (they span 330 × 55 pixels of the 640 × 480 picture).
            BufferedImage part = read.get(0);
            assertTrue(part.getWidth() >= 330 && part.getWidth() < 640, "width " + part.getWidth());
            assertTrue(part.getHeight() >= 55 && part.getHeight() < 480, "height " + part.getHeight());
        }
    }

    @Test
    void readsTheWordsOfAMemeAndAPage() {
        assumeLanguageData();
        try (TextReader reader = TextReader.load()) {
            assertTrue(reader.analyse(TextImages.meme("ME BEFORE COFFEE", 9)).terms().contains("coffee"));
            assertEquals(List.of("ten", "things", "nobody", "tells", "you", "about", "moving", "lyon"),
                    reader.analyse(TextImages.page("Ten things nobody tells you", "about moving to Lyon")).terms());
        }
    }

    @Test
    void readsASignDrawnInAPicture() {
        assumeLanguageData();
        BufferedImage image = new BufferedImage(640, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(30, 120, 60));
        g.fillRect(0, 0, 640, 240);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 72));
        g.drawString("CITY ZOO", 120, 150);
        g.dispose();

        Analysis analysis;
        try (TextReader text = TextReader.load()) {
            analysis = text.analyse(image);
        }

        assertEquals("text reads \"CITY ZOO\"", analysis.phrase());
        assertEquals(List.of("city", "zoo"), analysis.terms());
        Region region = analysis.regions().get(0);
        assertTrue(region.x() > 0.1 && region.x() < 0.3 && region.y() > 0.2 && region.y() < 0.5, region.toString());
    }

    @Test
    void aPictureWithoutTextSaysNothing() {
        assumeLanguageData();
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Analysis analysis;
        try (TextReader text = TextReader.load()) {
            analysis = text.analyse(image);
        }
        assertEquals("", analysis.phrase());
        assertTrue(analysis.regions().isEmpty());
    }
}
