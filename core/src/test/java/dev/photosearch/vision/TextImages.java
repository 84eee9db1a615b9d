package dev.photosearch.vision;

import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.Random;

/** Pictures drawn for the text tests: words on photo-like backgrounds, and pictures without any. */
final class TextImages {

    private TextImages() {}

    /** Sky, hills, a sun and a few tree trunks, with sensor-like noise: a landscape without a letter. */
    static BufferedImage landscape(long seed) {
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = smooth(image);
        g.setPaint(new GradientPaint(0, 0, new Color(90, 140, 210), 0, 300, new Color(200, 220, 240)));
        g.fillRect(0, 0, 640, 300);
        g.setColor(new Color(250, 230, 120));
        g.fillOval(480, 50, 70, 70);
        g.setColor(new Color(60, 120, 50));
        g.fillOval(-200, 220, 700, 400);
        g.setColor(new Color(80, 140, 60));
        g.fillOval(250, 250, 600, 400);
        g.setColor(new Color(90, 60, 30));
        Random random = new Random(seed);
        for (int i = 0; i < 4; i++) {
            int x = 40 + random.nextInt(560);
            g.fillRect(x, 230 + random.nextInt(40), 12 + random.nextInt(10), 120);
            g.setColor(new Color(40, 100 + random.nextInt(40), 40));
            g.fillOval(x - 40, 170 + random.nextInt(30), 100, 90);
            g.setColor(new Color(90, 60, 30));
        }
        g.dispose();
        return noisy(image, seed, 6);
    }

    /** Leaves in shade, in light and in sun: 900 ovals of three greens, of random size, place and slant. */
    static BufferedImage foliage(long seed) {
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = smooth(image);
        g.setColor(new Color(70, 110, 50));
        g.fillRect(0, 0, 640, 480);
        Color[] greens = {new Color(25, 55, 20), new Color(120, 170, 80), new Color(190, 215, 140)};
        Random random = new Random(seed);
        AffineTransform upright = g.getTransform();
        for (int i = 0; i < 900; i++) {
            g.setColor(greens[random.nextInt(greens.length)]);
            int width = 6 + random.nextInt(18);
            int height = 10 + random.nextInt(26);
            int x = random.nextInt(640);
            int y = random.nextInt(480);
            g.rotate(random.nextDouble() * Math.PI, x, y);
            g.fillOval(x, y, width, height);
            g.setTransform(upright);
        }
        g.dispose();
        return image;
    }

    /** One colour everywhere. */
    static BufferedImage flat(Color colour) {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, 320, 240);
        g.dispose();
        return image;
    }

    /** A street sign with {@code words} on a landscape: dark letters on a light plate. */
    static BufferedImage sign(String words, long seed) {
        BufferedImage image = landscape(seed);
        Graphics2D g = smooth(image);
        g.setColor(new Color(235, 235, 225));
        g.fillRect(100, 120, 440, 110);
        g.setColor(new Color(40, 40, 60));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 56));
        g.drawString(words, 130, 195);
        g.dispose();
        return image;
    }

    /** A meme: a landscape under a white band of black words. */
    static BufferedImage meme(String words, long seed) {
        BufferedImage image = landscape(seed);
        Graphics2D g = smooth(image);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 640, 120);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 44));
        g.drawString(words, 40, 80);
        g.dispose();
        return image;
    }

    /** A screenshot or text post: lines of small dark text on a light page. */
    static BufferedImage page(String... lines) {
        BufferedImage image = new BufferedImage(720, 900, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = smooth(image);
        g.setColor(new Color(250, 248, 240));
        g.fillRect(0, 0, 720, 900);
        g.setColor(new Color(30, 30, 30));
        g.setFont(new Font(Font.SERIF, Font.PLAIN, 26));
        for (int i = 0; i < lines.length; i++) {
            g.drawString(lines[i], 60, 120 + 44 * i);
        }
        g.dispose();
        return image;
    }

    private static Graphics2D smooth(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        return g;
    }

    private static BufferedImage noisy(BufferedImage image, long seed, int amplitude) {
        Random random = new Random(seed);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int n = (int) Math.round(random.nextGaussian() * amplitude);
                int r = clamp(((rgb >> 16) & 0xff) + n);
                int gr = clamp(((rgb >> 8) & 0xff) + n);
                int b = clamp((rgb & 0xff) + n);
                image.setRGB(x, y, (r << 16) | (gr << 8) | b);
            }
        }
        return image;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
