package dev.photosearch.vision;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * The blobs of a grey image that could be letters: pixels clearly darker, or clearly lighter, than the mean of their
 * surroundings, connected, of a letter's height, shape and stroke.
 */
final class LetterBlobs {

    /** Grey levels a letter must differ from its surroundings' mean by. */
    private static final int CONTRAST = 24;
    /** Smallest letter height, in pixels, that the reader still reads. */
    private static final int MIN_HEIGHT = 7;
    /** Widest stroke of a letter, as a share of its height (a bold capital is about 0.2). */
    private static final double MAX_STROKE = 0.35;

    private LetterBlobs() {}

    /** Dark letters on light ground and light ones on dark ground, in one list. */
    static List<Blob> find(int[] grey, int width, int height) {
        int radius = Math.max(8, Math.min(width, height) / 40);
        int[] mean = localMean(grey, width, height, radius);
        List<Blob> letters = new ArrayList<>();
        for (int polarity : new int[] {-1, 1}) {
            boolean[] ink = new boolean[grey.length];
            for (int i = 0; i < grey.length; i++) {
                ink[i] = polarity * (grey[i] - mean[i]) > CONTRAST;
            }
            letters.addAll(blobs(ink, width, height, polarity < 0));
        }
        return letters;
    }

    /**
     * Mean grey of the square window around each pixel, cut at the image's edges: running sums of the window's rows
     * in each column, then across the window's columns (a window's sum fits an int).
     */
    private static int[] localMean(int[] grey, int width, int height, int radius) {
        int[] columns = new int[width];
        for (int y = 0; y < Math.min(height, radius + 1); y++) {
            addRow(columns, grey, y * width, 1);
        }
        int[] mean = new int[grey.length];
        for (int y = 0; y < height; y++) {
            int rows = Math.min(height, y + radius + 1) - Math.max(0, y - radius);
            int sum = 0;
            for (int x = 0; x < Math.min(width, radius + 1); x++) {
                sum += columns[x];
            }
            for (int x = 0; x < width; x++) {
                int cells = rows * (Math.min(width, x + radius + 1) - Math.max(0, x - radius));
                mean[y * width + x] = sum / cells;
                if (x + radius + 1 < width) {
                    sum += columns[x + radius + 1];
                }
                if (x >= radius) {
                    sum -= columns[x - radius];
                }
            }
            if (y + radius + 1 < height) {
                addRow(columns, grey, (y + radius + 1) * width, 1);
            }
            if (y >= radius) {
                addRow(columns, grey, (y - radius) * width, -1);
            }
        }
        return mean;
    }

    private static void addRow(int[] columns, int[] grey, int start, int sign) {
        for (int x = 0; x < columns.length; x++) {
            columns[x] += sign * grey[start + x];
        }
    }

    /**
     * A blob of ink: its box, the width of its strokes (twice its area over its outline), whether it is darker than
     * its ground, and how unevenly wide its strokes are ({@link StrokeWidth#spread}), measured only when asked: few
     * blobs end up in a row, so only their pixels are kept, not their masks.
     */
    record Blob(Rectangle box, double stroke, boolean dark, DoubleSupplier strokeSpread) {}

    private static boolean isLetterLike(Rectangle box, double stroke, int imageHeight) {
        return box.height >= MIN_HEIGHT && box.height <= imageHeight / 2 && box.width <= 3 * box.height
                && box.height <= 12 * box.width && stroke <= MAX_STROKE * box.height;
    }

    /** The 8-connected blobs of ink that could be letters by their size, shape and how much of their box they fill. */
    private static List<Blob> blobs(boolean[] ink, int width, int height, boolean dark) {
        List<Blob> blobs = new ArrayList<>();
        boolean[] seen = new boolean[ink.length];
        // Each blob's pixels, in the order they are found: the part after {@code head} is still to be visited.
        int[] pixels = new int[ink.length];
        for (int start = 0; start < ink.length; start++) {
            if (!ink[start] || seen[start]) {
                continue;
            }
            int head = 0;
            int count = 0;
            int outline = 0;
            int minX = width;
            int minY = height;
            int maxX = 0;
            int maxY = 0;
            pixels[count++] = start;
            seen[start] = true;
            while (head < count) {
                int p = pixels[head++];
                int px = p % width;
                int py = p / width;
                minX = Math.min(minX, px);
                maxX = Math.max(maxX, px);
                minY = Math.min(minY, py);
                maxY = Math.max(maxY, py);
                boolean inside = px > 0 && py > 0 && px < width - 1 && py < height - 1;
                if (!inside || !ink[p - 1] || !ink[p + 1] || !ink[p - width] || !ink[p + width]) {
                    outline++;
                }
                for (int dy = -1; dy <= 1; dy++) {
                    int ny = py + dy;
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = px + dx;
                        // Away from the border no neighbour needs a bounds check.
                        if (!inside && (nx < 0 || ny < 0 || nx >= width || ny >= height)) {
                            continue;
                        }
                        int q = ny * width + nx;
                        if (ink[q] && !seen[q]) {
                            seen[q] = true;
                            pixels[count++] = q;
                        }
                    }
                }
            }
            Rectangle box = new Rectangle(minX, minY, maxX - minX + 1, maxY - minY + 1);
            double fill = (double) count / (box.width * box.height);
            double stroke = 2.0 * count / outline;
            // A blob that fills almost all or almost none of its box is a patch or a thin frame, not a letter.
            if (fill >= 0.12 && fill <= 0.92 && isLetterLike(box, stroke, height)) {
                int[] own = Arrays.copyOf(pixels, count);
                blobs.add(new Blob(box, stroke, dark, () -> StrokeWidth.spread(mask(own, width, box), box.width,
                        box.height)));
            }
        }
        return blobs;
    }

    /** The pixels of one blob (indices into an image {@code width} wide) as a mask of its box. */
    private static boolean[] mask(int[] pixels, int width, Rectangle box) {
        boolean[] mask = new boolean[box.width * box.height];
        for (int p : pixels) {
            mask[(p / width - box.y) * box.width + p % width - box.x] = true;
        }
        return mask;
    }
}
