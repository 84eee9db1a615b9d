package dev.photosearch.media;

import java.awt.image.BufferedImage;

/** Turns an image upright according to its EXIF orientation tag (1..8). */
final class Orientation {

    private Orientation() {}

    /** The upright image; the same instance when the orientation is null, 1 or unknown. */
    static BufferedImage apply(BufferedImage image, Integer orientation) {
        if (orientation == null || orientation <= 1 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = orientation >= 5;
        BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
        int[] src = image.getRGB(0, 0, w, h, null, 0, w);
        int[] dst = new int[src.length];
        int outWidth = out.getWidth();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                // Where the stored pixel (x, y) lands in the upright image.
                int nx;
                int ny;
                switch (orientation) {
                    case 2 -> { nx = w - 1 - x; ny = y; }
                    case 3 -> { nx = w - 1 - x; ny = h - 1 - y; }
                    case 4 -> { nx = x; ny = h - 1 - y; }
                    case 5 -> { nx = y; ny = x; }
                    case 6 -> { nx = h - 1 - y; ny = x; }
                    case 7 -> { nx = h - 1 - y; ny = w - 1 - x; }
                    default -> { nx = y; ny = w - 1 - x; }
                }
                dst[ny * outWidth + nx] = src[y * w + x];
            }
        }
        out.setRGB(0, 0, out.getWidth(), out.getHeight(), dst, 0, outWidth);
        return out;
    }
}
