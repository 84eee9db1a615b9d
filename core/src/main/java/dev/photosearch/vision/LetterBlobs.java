package dev.photosearch.vision;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * The blobs of a grey image that could be letters: pixels clearly darker, or clearly lighter, than the mean of their
 * surroundings, connected, of a letter's height, shape and stroke.
 */
final class LetterBlobs {

    /** Grey levels a letter must differ from its surroundings' mean by. */
    private static final int CONTRAST = 24;
    private static final byte DARK = 1;
    private static final byte LIGHT = 2;
    /** Marks a pixel of ink once its blob has been gathered. */
    private static final byte GATHERED = 4;
    /** Smallest letter height, in pixels, that the reader still reads. */
    private static final int MIN_HEIGHT = 7;
    /** Widest stroke of a letter, as a share of its height (a bold capital is about 0.2). */
    private static final double MAX_STROKE = 0.35;

    private LetterBlobs() {}

    /** Dark letters on light ground and light ones on dark ground, in one list. */
    static List<Blob> find(int[] grey, int width, int height) {
        byte[] ink = ink(grey, width, height, Math.max(8, Math.min(width, height) / 40));
        Queue queue = new Queue(grey.length);
        List<Blob> letters = blobs(ink, DARK, width, height, queue);
        letters.addAll(blobs(ink, LIGHT, width, height, queue));
        return letters;
    }

    /**
     * Each pixel's ink: {@link #DARK} or {@link #LIGHT} where it differs by more than {@link #CONTRAST} from the mean
     * grey of the square window around it, cut at the image's edges. The window sums run over the window's rows in
     * each column, then across its columns (a window's sum fits an int); the mean is compared without dividing, since
     * {@code floor(sum / cells) >= k} exactly when {@code sum >= k * cells}.
     */
    private static byte[] ink(int[] grey, int width, int height, int radius) {
        int[] columns = new int[width];
        for (int y = 0; y < Math.min(height, radius + 1); y++) {
            addRow(columns, grey, y * width, 1);
        }
        byte[] ink = new byte[grey.length];
        for (int y = 0; y < height; y++) {
            int rows = Math.min(height, y + radius + 1) - Math.max(0, y - radius);
            int sum = 0;
            for (int x = 0; x < Math.min(width, radius + 1); x++) {
                sum += columns[x];
            }
            for (int x = 0; x < width; x++) {
                int cells = rows * (Math.min(width, x + radius + 1) - Math.max(0, x - radius));
                int g = grey[y * width + x];
                if (sum >= (g + CONTRAST + 1) * cells) {
                    ink[y * width + x] = DARK;
                } else if (sum < (g - CONTRAST) * cells) {
                    ink[y * width + x] = LIGHT;
                }
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
        return ink;
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

    /**
     * The 8-connected blobs of one kind of ink that could be letters by their size, shape and how much of their box
     * they fill. Each pixel gathered is marked {@link #GATHERED} in {@code ink}.
     */
    private static List<Blob> blobs(byte[] ink, byte kind, int width, int height, Queue queue) {
        List<Blob> blobs = new ArrayList<>();
        for (int startY = 0, start = 0; startY < height; startY++) {
            for (int startX = 0; startX < width; startX++, start++) {
                if (ink[start] != kind) {
                    continue;
                }
                // The queue holds the blob's pixels in the order they are found: from head on, still to be visited.
                int head = 0;
                int count = 0;
                int outline = 0;
                int minX = width;
                int minY = height;
                int maxX = 0;
                int maxY = 0;
                queue.put(count++, startX, startY);
                ink[start] |= GATHERED;
                while (head < count) {
                    int px = queue.xs[head];
                    int py = queue.ys[head++];
                    int p = py * width + px;
                    minX = Math.min(minX, px);
                    maxX = Math.max(maxX, px);
                    minY = Math.min(minY, py);
                    maxY = Math.max(maxY, py);
                    boolean inside = px > 0 && py > 0 && px < width - 1 && py < height - 1;
                    if (!inside || (ink[p - 1] & kind) == 0 || (ink[p + 1] & kind) == 0
                            || (ink[p - width] & kind) == 0 || (ink[p + width] & kind) == 0) {
                        outline++;
                    }
                    for (int ny = py - 1; ny <= py + 1; ny++) {
                        for (int nx = px - 1; nx <= px + 1; nx++) {
                            // Away from the border no neighbour needs a bounds check.
                            if (!inside && (nx < 0 || ny < 0 || nx >= width || ny >= height)) {
                                continue;
                            }
                            int q = ny * width + nx;
                            if (ink[q] == kind) {
                                ink[q] |= GATHERED;
                                queue.put(count++, nx, ny);
                            }
                        }
                    }
                }
                Rectangle box = new Rectangle(minX, minY, maxX - minX + 1, maxY - minY + 1);
                double fill = (double) count / (box.width * box.height);
                double stroke = 2.0 * count / outline;
                // A blob that fills almost all or almost none of its box is a patch or a thin frame, not a letter.
                if (fill >= 0.12 && fill <= 0.92 && isLetterLike(box, stroke, height)) {
                    int[] own = queue.offsetsIn(box, count);
                    blobs.add(new Blob(box, stroke, kind == DARK, () -> StrokeWidth.spread(mask(own, box),
                            box.width, box.height)));
                }
            }
        }
        return blobs;
    }

    /** Room for the pixels of one blob at a time, as columns and rows. */
    private static final class Queue {
        final int[] xs;
        final int[] ys;

        Queue(int pixels) {
            xs = new int[pixels];
            ys = new int[pixels];
        }

        void put(int i, int x, int y) {
            xs[i] = x;
            ys[i] = y;
        }

        /** The first {@code count} pixels as offsets into {@code box}, row by row. */
        int[] offsetsIn(Rectangle box, int count) {
            int[] offsets = new int[count];
            for (int i = 0; i < count; i++) {
                offsets[i] = (ys[i] - box.y) * box.width + xs[i] - box.x;
            }
            return offsets;
        }
    }

    /** The pixels of one blob, given as offsets into its box, as a mask of that box. */
    private static boolean[] mask(int[] offsets, Rectangle box) {
        boolean[] mask = new boolean[box.width * box.height];
        for (int offset : offsets) {
            mask[offset] = true;
        }
        return mask;
    }
}
