package dev.photosearch.vision;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Decides in a few milliseconds whether a photo may show text worth reading, so that Tesseract only runs on those:
 * {@link LetterBlobs}, at least three in a row of similar height, stroke and ink (all darker or all lighter than
 * their ground), drawn as with one pen (strokes about as wide in every letter and all along each), on a ground
 * plain enough that two grey levels explain the row. Tuned on real photos so that those where Tesseract finds words
 * of four letters or more pass; some cluttered scenes pass too, which only costs time. The rows also tell the reader
 * where to look.
 */
final class TextGate {

    /** Letters side by side in a row before it counts as a line of text. */
    private static final int MIN_LETTERS = 3;
    /** Least share of a row's grey variance that two levels must explain (see {@link #separation}). */
    private static final double MIN_SEPARATION = 0.82;
    /** Most a stroke of a letter may differ from its neighbour's in the same row. */
    private static final double STROKE_RATIO = 2;
    /** Tallest a row may be, in heights of its tallest letter. */
    private static final double ROW_HEIGHT = 1.5;
    /** Most the strokes of a row's letters may vary, as a coefficient of variation over the row. */
    private static final double ROW_STROKE_VARIATION = 0.25;
    /** Most the stroke of a row's letters may thicken and thin within each letter, on average. */
    private static final double LETTER_STROKE_SPREAD = 0.6;

    private TextGate() {}

    /**
     * The rows of letters clear enough to be read, in the image's pixels; none for most photos. Rows are looked for at
     * half size, which finds letters whose strokes are wider than the full-size window, and at full size.
     */
    static List<Rectangle> rows(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] grey = grey(image);
        List<Rectangle> rows = new ArrayList<>();
        if (width >= 64 && height >= 64) {
            for (Rectangle row : clearRows(halve(grey, width, height), width / 2, height / 2)) {
                rows.add(new Rectangle(2 * row.x, 2 * row.y, 2 * row.width, 2 * row.height));
            }
        }
        rows.addAll(clearRows(grey, width, height));
        return rows;
    }

    private static List<Rectangle> clearRows(int[] grey, int width, int height) {
        return rows(LetterBlobs.find(grey, width, height)).stream()
                .filter(row -> separation(grey, width, row) >= MIN_SEPARATION).toList();
    }

    /**
     * How well two grey levels explain the row's box (Otsu's between-class share of the variance, 0 to 1): letters on
     * a plain ground score near 1, clutter lower.
     */
    private static double separation(int[] grey, int width, Rectangle box) {
        int[] histogram = new int[256];
        for (int y = box.y; y < box.y + box.height; y++) {
            for (int x = box.x; x < box.x + box.width; x++) {
                histogram[grey[y * width + x]]++;
            }
        }
        long n = (long) box.width * box.height;
        double sum = 0;
        double squares = 0;
        for (int v = 0; v < 256; v++) {
            sum += (double) v * histogram[v];
            squares += (double) v * v * histogram[v];
        }
        double total = squares / n - (sum / n) * (sum / n);
        if (total <= 0) {
            return 0;
        }
        double best = 0;
        long below = 0;
        double belowSum = 0;
        for (int t = 0; t < 255; t++) {
            below += histogram[t];
            belowSum += (double) t * histogram[t];
            long above = n - below;
            if (below == 0 || above == 0) {
                continue;
            }
            double difference = belowSum / below - (sum - belowSum) / above;
            best = Math.max(best, (double) below * above / ((double) n * n) * difference * difference);
        }
        return best / total;
    }

    private static int[] grey(BufferedImage image) {
        int width = image.getWidth();
        int[] rgb = new int[width];
        int[] grey = new int[width * image.getHeight()];
        // Previews are 0xRRGGBB ints already: their raster hands them over without a colour model per pixel.
        boolean packed = image.getType() == BufferedImage.TYPE_INT_RGB;
        for (int y = 0; y < image.getHeight(); y++) {
            if (packed) {
                image.getRaster().getDataElements(0, y, width, 1, rgb);
            } else {
                image.getRGB(0, y, width, 1, rgb, 0, width);
            }
            for (int x = 0; x < width; x++) {
                int p = rgb[x];
                grey[y * width + x] = (((p >> 16) & 0xff) * 77 + ((p >> 8) & 0xff) * 150 + (p & 0xff) * 29) >> 8;
            }
        }
        return grey;
    }

    private static int[] halve(int[] grey, int width, int height) {
        int w = width / 2;
        int h = height / 2;
        int[] half = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = 2 * y * width + 2 * x;
                half[y * w + x] = (grey[i] + grey[i + 1] + grey[i + width] + grey[i + width + 1]) >> 2;
            }
        }
        return half;
    }

    /**
     * Boxes of the rows of at least {@link #MIN_LETTERS} blobs of like height, stroke and ink, each close to the next,
     * whose strokes are about as wide in every letter and all along each letter.
     */
    static List<Rectangle> rows(List<LetterBlobs.Blob> blobs) {
        blobs.sort(Comparator.comparingInt(b -> b.box().x));
        List<Rectangle> letters = blobs.stream().map(LetterBlobs.Blob::box).toList();
        int[] parent = new int[letters.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < letters.size(); i++) {
            Rectangle a = letters.get(i);
            for (int j = i + 1; j < letters.size(); j++) {
                Rectangle b = letters.get(j);
                int tallest = Math.max(a.height, b.height);
                if (b.x > a.x + a.width + tallest) {
                    break;
                }
                if (sameRow(a, b, tallest) && alike(blobs.get(i), blobs.get(j))) {
                    parent[root(parent, j)] = root(parent, i);
                }
            }
        }
        int[] members = new int[letters.size()];
        int[] tallest = new int[letters.size()];
        Rectangle[] boxes = new Rectangle[letters.size()];
        double[] strokes = new double[letters.size()];
        double[] strokeSquares = new double[letters.size()];
        double[] spreads = new double[letters.size()];
        for (int i = 0; i < letters.size(); i++) {
            int r = root(parent, i);
            members[r]++;
            tallest[r] = Math.max(tallest[r], letters.get(i).height);
            boxes[r] = boxes[r] == null ? new Rectangle(letters.get(i)) : boxes[r].union(letters.get(i));
            strokes[r] += blobs.get(i).stroke();
            strokeSquares[r] += blobs.get(i).stroke() * blobs.get(i).stroke();
        }
        // A line of text is about as tall as its tallest letter; a slanted or stacked chain is texture.
        boolean[] line = new boolean[letters.size()];
        for (int i = 0; i < letters.size(); i++) {
            line[i] = members[i] >= MIN_LETTERS && boxes[i].height <= ROW_HEIGHT * tallest[i];
        }
        for (int i = 0; i < letters.size(); i++) {
            int r = root(parent, i);
            if (line[r]) {
                spreads[r] += blobs.get(i).strokeSpread().getAsDouble();
            }
        }
        List<Rectangle> rows = new ArrayList<>();
        for (int i = 0; i < letters.size(); i++) {
            if (line[i] && drawnWithOnePen(members[i], strokes[i], strokeSquares[i], spreads[i])) {
                rows.add(boxes[i]);
            }
        }
        return rows;
    }

    /** Whether the letters of a row have strokes of one width, from their sums over the row. */
    private static boolean drawnWithOnePen(int letters, double strokes, double strokeSquares, double spreads) {
        double mean = strokes / letters;
        double variation = Math.sqrt(Math.max(0, strokeSquares / letters - mean * mean)) / mean;
        return variation <= ROW_STROKE_VARIATION && spreads / letters <= LETTER_STROKE_SPREAD;
    }

    /**
     * Whether two blobs could be letters of one line: strokes of like width, and both darker or both lighter than
     * their ground (the letters of a line share their ink; clutter mixes dark and light patches).
     */
    private static boolean alike(LetterBlobs.Blob a, LetterBlobs.Blob b) {
        double strokes = a.stroke() / b.stroke();
        return a.dark() == b.dark() && strokes <= STROKE_RATIO && strokes >= 1 / STROKE_RATIO;
    }

    private static boolean sameRow(Rectangle a, Rectangle b, int tallest) {
        int shortest = Math.min(a.height, b.height);
        double centreA = a.y + a.height / 2.0;
        double centreB = b.y + b.height / 2.0;
        boolean aligned = Math.abs(a.y + a.height - b.y - b.height) <= 0.2 * tallest
                || Math.abs(a.y - b.y) <= 0.2 * tallest;
        return 3 * shortest >= 2 * tallest && aligned && Math.abs(centreA - centreB) <= 0.3 * tallest
                && b.x >= a.x + a.width - 0.2 * tallest && b.x <= a.x + a.width + tallest;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
