package dev.photosearch.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/** Drawn pictures for the model tests. */
public final class Pictures {

    private Pictures() {}

    /** A picture of one colour. */
    public static BufferedImage uniform(Color colour, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    /** A made-up scene of coloured shapes; the same seed draws the same scene at any size. */
    public static BufferedImage scene(long seed, int width, int height) {
        java.util.Random random = new java.util.Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(random.nextInt(0xffffff)));
        g.fillRect(0, 0, width, height);
        for (int i = 0; i < 12; i++) {
            g.setColor(new Color(random.nextInt(0xffffff)));
            int x = (int) (random.nextDouble() * width);
            int y = (int) (random.nextDouble() * height);
            int w = (int) ((0.1 + random.nextDouble() * 0.4) * width);
            int h = (int) ((0.1 + random.nextDouble() * 0.4) * height);
            if (random.nextBoolean()) {
                g.fillOval(x - w / 2, y - h / 2, w, h);
            } else {
                g.fillRect(x - w / 2, y - h / 2, w, h);
            }
        }
        g.dispose();
        return image;
    }
}
