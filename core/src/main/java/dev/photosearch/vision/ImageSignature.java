package dev.photosearch.vision;

import java.awt.image.BufferedImage;
import java.util.HexFormat;
import java.util.Map;

/**
 * What a photo looks like in 72 bytes, for "similar photos" without CLIP: a 64-bit difference hash (dHash: is each
 * cell of a 9×8 grey thumbnail brighter than its right neighbour) and a 4×4×4 RGB colour histogram.
 *
 * @param dhash     the difference hash; near-duplicates differ in few bits
 * @param histogram 64 bins summing to about 1, quantised to 1/255
 */
public record ImageSignature(long dhash, float[] histogram) {

    private static final int BINS = 64;
    private static final double FLAT = 2.0;

    /** Computes the signature of an image. */
    public static ImageSignature of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        double[][] grey = new double[8][9];
        int[][] counts = new int[8][9];
        float[] histogram = new float[BINS];
        int step = Math.max(1, (int) Math.sqrt((double) w * h / 40_000));
        int[] row = new int[w];
        int samples = 0;
        for (int y = 0; y < h; y += step) {
            image.getRGB(0, y, w, 1, row, 0, w);
            int cy = y * 8 / h;
            for (int x = 0; x < w; x += step) {
                int p = row[x];
                int r = (p >> 16) & 0xff;
                int g = (p >> 8) & 0xff;
                int b = p & 0xff;
                int cx = x * 9 / w;
                grey[cy][cx] += 0.299 * r + 0.587 * g + 0.114 * b;
                counts[cy][cx]++;
                histogram[(r >> 6) * 16 + (g >> 6) * 4 + (b >> 6)]++;
                samples++;
            }
        }
        long hash = 0;
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                double left = grey[y][x] / Math.max(1, counts[y][x]);
                double right = grey[y][x + 1] / Math.max(1, counts[y][x + 1]);
                // A small margin keeps flat areas at 0 whatever noise re-encoding adds.
                hash = (hash << 1) | (left > right + FLAT ? 1 : 0);
            }
        }
        for (int i = 0; i < BINS; i++) {
            histogram[i] = Math.round(histogram[i] / samples * 255) / 255f;
        }
        return new ImageSignature(hash, histogram);
    }

    /** Bits that differ between two hashes: 0 for the same picture, a handful for a re-encoded or resized copy. */
    public int distance(ImageSignature other) {
        return Long.bitCount(dhash ^ other.dhash);
    }

    /** Similarity in [0, 1]: half shape (hash bits in common), half colour (histogram intersection). */
    public double similarity(ImageSignature other) {
        double shape = 1 - distance(other) / 64.0;
        double common = 0;
        double mine = 0;
        double theirs = 0;
        for (int i = 0; i < BINS; i++) {
            common += Math.min(histogram[i], other.histogram[i]);
            mine += histogram[i];
            theirs += other.histogram[i];
        }
        // Divided by the smaller total, since rounding to 1/255 leaves totals a little off 1.
        double colour = Math.min(mine, theirs) == 0 ? 0 : common / Math.min(mine, theirs);
        return 0.5 * shape + 0.5 * Math.min(1, colour);
    }

    /** The signature as analysis facts. */
    public Map<String, String> facts() {
        byte[] bins = new byte[BINS];
        for (int i = 0; i < BINS; i++) {
            bins[i] = (byte) Math.round(histogram[i] * 255);
        }
        return Map.of("dhash", HexFormat.of().toHexDigits(dhash), "histogram", HexFormat.of().formatHex(bins));
    }

    /** Reads a signature from analysis facts; null when they hold none or a malformed one. */
    public static ImageSignature fromFacts(Map<String, String> facts) {
        String hash = facts.get("dhash");
        String bins = facts.get("histogram");
        if (hash == null || bins == null || hash.length() != 16 || bins.length() != 2 * BINS) {
            return null;
        }
        try {
            byte[] raw = HexFormat.of().parseHex(bins);
            float[] histogram = new float[BINS];
            for (int i = 0; i < BINS; i++) {
                histogram[i] = (raw[i] & 0xff) / 255f;
            }
            return new ImageSignature(HexFormat.fromHexDigitsToLong(hash), histogram);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
