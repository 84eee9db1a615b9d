package dev.photosearch.vision;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads text in the image (signs, posters, screenshots) with Tesseract, only where {@link TextGate} sees rows of
 * letter-like shapes: most photos have none and cost a few milliseconds. Tesseract reads the part of the picture
 * around those rows, not the whole: on COCO and ImageNet photos that reads as many real words for about 40% less, as
 * clutter elsewhere (foliage, crowds) is what it spends its time on. Natural photos make Tesseract see letters in
 * foliage and fences, so only confident, word-like results are kept.
 */
public final class TextReader implements Analyser, AutoCloseable {

    /** The words before the text read in a picture: text reads "OPEN". */
    static final String READS = "text reads";

    /** Tesseract's confidence (0-100) below which a word is taken for texture. */
    static final double MIN_CONFIDENCE = 80;

    private final Function<BufferedImage, String> tesseract;
    private final Runnable release;
    private final Function<BufferedImage, List<Rectangle>> gate;

    /** {@code tesseract} gives Tesseract's TSV output for an image; {@code release} frees it when the reader closes. */
    TextReader(Function<BufferedImage, String> tesseract, Runnable release,
            Function<BufferedImage, List<Rectangle>> gate) {
        this.tesseract = tesseract;
        this.release = release;
        this.gate = gate;
    }

    /**
     * The reader, with Tesseract's library and the English and French data found on this machine; fails saying what
     * to install when there is no data, or why the library does not load.
     */
    public static TextReader load() {
        TesseractData data = TesseractData.find(System.getenv())
                .orElseThrow(() -> new IllegalStateException(TesseractData.MISSING));
        TesseractLibrary library = TesseractLibrary.load(data.folder().toString(), data.languages());
        return new TextReader(library::read, library::close, TextGate::rows);
    }

    @Override
    public String name() {
        return "text";
    }

    @Override
    public int version() {
        return 4;
    }

    @Override
    public Analysis analyse(BufferedImage image) {
        List<Rectangle> rows = gate.apply(image);
        List<Region> lines = rows.isEmpty() ? List.of()
                : read(image, around(rows, image.getWidth(), image.getHeight()));
        if (lines.isEmpty()) {
            return new Analysis(name(), version(), "", List.of(), Map.of());
        }
        String text = lines.stream().map(Region::label).collect(Collectors.joining(" "));
        List<String> terms = List.of(text.toLowerCase(Locale.ROOT).split(" "));
        return new Analysis(name(), version(), READS + " \"" + text + "\"", terms, Map.of("text", text), lines);
    }

    private List<Region> read(BufferedImage image, Rectangle area) {
        String tsv = tesseract.apply(image.getSubimage(area.x, area.y, area.width, area.height));
        return lines(tsv, area, image.getWidth(), image.getHeight());
    }

    @Override
    public void close() {
        release.run();
    }

    /**
     * The part of the image to read: the rows, each with one row's height above and below (neighbouring lines,
     * ascenders) and two at each end (letters the gate did not join to the row).
     */
    static Rectangle around(List<Rectangle> rows, int width, int height) {
        return rows.stream()
                .map(row -> new Rectangle(row.x - 2 * row.height, row.y - row.height, row.width + 4 * row.height,
                        3 * row.height))
                .reduce(Rectangle::union).orElseThrow().intersection(new Rectangle(width, height));
    }

    /**
     * Confident words of Tesseract's TSV output for {@code area} of a {@code width} × {@code height} image, gathered
     * into lines with their boxes as shares of the whole image.
     */
    static List<Region> lines(String tsv, Rectangle area, int width, int height) {
        Map<String, List<String[]>> byLine = new LinkedHashMap<>();
        for (String row : tsv.split("\n")) {
            String[] c = row.split("\t", -1);
            // Columns: level page block paragraph line word left top width height confidence text; level 5 = word.
            if (c.length < 12 || !c[0].equals("5") || !isWord(c[11].strip()) || confidence(c[10]) < MIN_CONFIDENCE) {
                continue;
            }
            byLine.computeIfAbsent(c[2] + "/" + c[3] + "/" + c[4], k -> new ArrayList<>()).add(c);
        }
        List<Region> lines = new ArrayList<>();
        for (List<String[]> words : byLine.values()) {
            int left = Integer.MAX_VALUE;
            int top = Integer.MAX_VALUE;
            int right = 0;
            int bottom = 0;
            double confidence = 0;
            List<String> text = new ArrayList<>();
            for (String[] w : words) {
                int x = area.x + Integer.parseInt(w[6]);
                int y = area.y + Integer.parseInt(w[7]);
                left = Math.min(left, x);
                top = Math.min(top, y);
                right = Math.max(right, x + Integer.parseInt(w[8]));
                bottom = Math.max(bottom, y + Integer.parseInt(w[9]));
                confidence += confidence(w[10]);
                text.add(trimPunctuation(w[11].strip()));
            }
            lines.add(new Region(String.join(" ", text), confidence / words.size() / 100, (double) left / width,
                    (double) top / height, (double) (right - left) / width, (double) (bottom - top) / height));
        }
        return lines;
    }

    /** Letters and digits only (once end punctuation is cut), at least three letters: "GRILL", not "|", "“4", "At". */
    static boolean isWord(String token) {
        String core = trimPunctuation(token);
        long letters = core.codePoints().filter(Character::isLetter).count();
        long alnum = core.codePoints().filter(Character::isLetterOrDigit).count();
        return letters >= 3 && alnum == core.codePoints().count();
    }

    private static String trimPunctuation(String token) {
        return token.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "");
    }

    private static double confidence(String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
