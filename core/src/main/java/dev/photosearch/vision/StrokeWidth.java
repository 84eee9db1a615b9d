package dev.photosearch.vision;

/**
 * How evenly wide the strokes of a shape are: printed letters are drawn with one pen, so the distance from their
 * middle line to their edge barely changes, while leaves, stones and shadows thicken and thin at random.
 */
final class StrokeWidth {

    private StrokeWidth() {}

    /**
     * The spread of the stroke widths of a shape (its pixels set in {@code mask}, {@code width} × {@code height}):
     * the coefficient of variation of twice the distance to the edge along its middle lines (the pixels no
     * neighbour of which lies deeper). 0 for strokes of one width, about 0.5 and more for blotches.
     */
    static double spread(boolean[] mask, int width, int height) {
        int[] depth = depths(mask, width, height);
        double sum = 0;
        double squares = 0;
        int ridges = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int d = depth[y * width + x];
                if (d > 0 && isRidge(depth, width, height, x, y)) {
                    double stroke = 2.0 * d - 1;
                    sum += stroke;
                    squares += stroke * stroke;
                    ridges++;
                }
            }
        }
        if (ridges < 2) {
            return 0;
        }
        double mean = sum / ridges;
        return Math.sqrt(Math.max(0, squares / ridges - mean * mean)) / mean;
    }

    /** Chessboard distance of each pixel of the shape to the nearest pixel outside it (the frame counts as outside). */
    private static int[] depths(boolean[] mask, int width, int height) {
        int[] depth = new int[mask.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                if (mask[i]) {
                    depth[i] = 1 + Math.min(Math.min(at(depth, width, height, x - 1, y),
                            at(depth, width, height, x, y - 1)), Math.min(at(depth, width, height, x - 1, y - 1),
                            at(depth, width, height, x + 1, y - 1)));
                }
            }
        }
        for (int y = height - 1; y >= 0; y--) {
            for (int x = width - 1; x >= 0; x--) {
                int i = y * width + x;
                if (mask[i]) {
                    depth[i] = Math.min(depth[i], 1 + Math.min(Math.min(at(depth, width, height, x + 1, y),
                            at(depth, width, height, x, y + 1)), Math.min(at(depth, width, height, x + 1, y + 1),
                            at(depth, width, height, x - 1, y + 1))));
                }
            }
        }
        return depth;
    }

    private static int at(int[] depth, int width, int height, int x, int y) {
        return x < 0 || y < 0 || x >= width || y >= height ? 0 : depth[y * width + x];
    }

    private static boolean isRidge(int[] depth, int width, int height, int x, int y) {
        int d = depth[y * width + x];
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                if (at(depth, width, height, x + dx, y + dy) > d) {
                    return false;
                }
            }
        }
        return true;
    }
}
