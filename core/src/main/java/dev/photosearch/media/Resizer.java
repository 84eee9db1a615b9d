package dev.photosearch.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Scales images down with good quality, always producing opaque RGB (transparency lands on white). */
final class Resizer {

    private Resizer() {}

    /** The image scaled to fit {@code longSide}, never enlarged, as {@link BufferedImage#TYPE_INT_RGB}. */
    static BufferedImage fit(BufferedImage image, int longSide) {
        int w = image.getWidth();
        int h = image.getHeight();
        double scale = Math.min(1.0, (double) longSide / Math.max(w, h));
        int targetW = Math.max(1, (int) Math.round(w * scale));
        int targetH = Math.max(1, (int) Math.round(h * scale));
        if (targetW == w && targetH == h && image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        BufferedImage current = image;
        // Halving step by step keeps bilinear filtering from skipping pixels (aliasing) on big reductions.
        while (current.getWidth() / 2 >= targetW && current.getHeight() / 2 >= targetH) {
            current = draw(current, current.getWidth() / 2, current.getHeight() / 2);
        }
        return draw(current, targetW, targetH);
    }

    private static BufferedImage draw(BufferedImage image, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, width, height, Color.WHITE, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
