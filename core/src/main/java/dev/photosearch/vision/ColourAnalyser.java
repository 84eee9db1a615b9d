package dev.photosearch.vision;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Names the dominant colours of a photo in everyday English, and says whether it is dark, bright or black
 * and white. Pixels are sampled on a grid and matched to a fixed palette by distance in CIE Lab.
 */
public final class ColourAnalyser implements Analyser {

    private static final List<String> NAMES = List.of(
            "red", "orange", "yellow", "green", "blue", "purple", "pink", "brown", "black", "white", "grey", "beige");

    /** Several shades per name, so light, dark and muted tones find their everyday name. */
    private static final int[][] SWATCHES = {
        {0, 200, 30, 40}, {0, 140, 20, 30}, {0, 255, 0, 0},
        {1, 240, 140, 30}, {1, 200, 100, 40}, {1, 255, 165, 0},
        {2, 245, 220, 50}, {2, 230, 200, 100}, {2, 255, 255, 0},
        {3, 50, 160, 60}, {3, 30, 90, 40}, {3, 140, 190, 90}, {3, 100, 120, 50}, {3, 0, 255, 0},
        {4, 40, 80, 200}, {4, 20, 50, 230}, {4, 0, 0, 128}, {4, 20, 40, 110}, {4, 120, 170, 230}, {4, 70, 130, 180},
        {5, 120, 50, 160}, {5, 70, 30, 90}, {5, 180, 130, 210},
        {6, 240, 150, 180}, {6, 220, 60, 140}, {6, 250, 200, 210},
        {7, 120, 70, 35}, {7, 80, 50, 30}, {7, 160, 110, 70},
        {8, 15, 15, 15},
        {9, 245, 245, 245},
        {10, 128, 128, 128}, {10, 80, 80, 80}, {10, 190, 190, 190},
        {11, 225, 205, 165}, {11, 200, 180, 140},
    };

    private static final String MOSTLY = "mostly";
    private static final String MONOCHROME = "black and white";
    private static final String DARK_TONE = "dark";
    private static final String BRIGHT_TONE = "bright";

    private static final double MIN_SHARE = 0.12;
    private static final int MAX_NAMES = 3;
    private static final int TARGET_SAMPLES = 10_000;
    // A pixel whose channels differ by more than this shows colour; fewer than 5% such pixels reads as monochrome.
    private static final int COLOURFUL_SPREAD = 32;
    private static final double MONOCHROME_SHARE = 0.05;
    private static final double DARK = 0.30;
    private static final double BRIGHT = 0.70;

    private static final double[] LINEAR = IntStream.range(0, 256).mapToDouble(ColourAnalyser::linear).toArray();
    /** Palette index for every colour at 5 bits per channel: one lookup per sample instead of a search. */
    private static final byte[] NEAREST = nearestTable();

    @Override
    public String name() {
        return "colours";
    }

    @Override
    public int version() {
        return 2;
    }

    @Override
    public Analysis analyse(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int step = Math.max(1, (int) Math.sqrt((double) w * h / TARGET_SAMPLES));
        int[] counts = new int[NAMES.size()];
        // The top and bottom thirds, for the layout of pictures in which nothing is recognised ("blue above").
        int[] top = new int[NAMES.size()];
        int[] bottom = new int[NAMES.size()];
        int samples = 0;
        int colourful = 0;
        double lightness = 0;
        for (int y = step / 2; y < h; y += step) {
            for (int x = step / 2; x < w; x += step) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xFF;
                int g = (rgb >> 8) & 0xFF;
                int b = rgb & 0xFF;
                int name = NEAREST[((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3)];
                counts[name]++;
                if (y < h / 3) {
                    top[name]++;
                } else if (y >= h - h / 3) {
                    bottom[name]++;
                }
                lightness += lightness(LINEAR[r], LINEAR[g], LINEAR[b]) / 100;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > COLOURFUL_SPREAD) {
                    colourful++;
                }
                samples++;
            }
        }
        double brightness = lightness / samples;
        boolean monochrome = (double) colourful / samples < MONOCHROME_SHARE;
        Map<String, Double> dominant = dominant(counts, samples);
        return describe(dominant, brightness, monochrome, NAMES.get(largest(top)), NAMES.get(largest(bottom)));
    }

    private static int largest(int[] counts) {
        int best = 0;
        for (int i = 1; i < counts.length; i++) {
            best = counts[i] > counts[best] ? i : best;
        }
        return best;
    }

    private Analysis describe(Map<String, Double> dominant, double brightness, boolean monochrome, String top,
            String bottom) {
        String tone = brightness < DARK ? DARK_TONE : brightness > BRIGHT ? BRIGHT_TONE : null;
        List<String> names = new ArrayList<>(dominant.keySet());
        StringBuilder phrase = new StringBuilder(monochrome ? MONOCHROME : MOSTLY + " " + ObjectSummary.englishList(names));
        List<String> terms = new ArrayList<>(names);
        if (monochrome) {
            terms.add(MONOCHROME);
        }
        if (tone != null) {
            phrase.append(", ").append(tone);
            terms.add(tone);
        }
        String colours = dominant.entrySet().stream()
                .map(e -> e.getKey() + ":" + String.format(Locale.ROOT, "%.2f", e.getValue()))
                .collect(Collectors.joining(","));
        Map<String, String> facts = Map.of(
                "colours", colours,
                "brightness", String.format(Locale.ROOT, "%.2f", brightness),
                "monochrome", Boolean.toString(monochrome),
                "top", top,
                "bottom", bottom);
        return new Analysis(name(), version(), phrase.toString(), terms, facts);
    }

    /** Every word of the phrases this analyser writes: the colour names, tones and framing words. */
    static List<String> words() {
        List<String> words = new ArrayList<>(NAMES);
        words.addAll(List.of(MOSTLY, MONOCHROME, DARK_TONE, BRIGHT_TONE));
        return words;
    }

    /** The names covering most samples, largest first: up to three, none under the minimum share but at least one. */
    private static Map<String, Double> dominant(int[] counts, int samples) {
        List<Integer> order = IntStream.range(0, counts.length).boxed()
                .sorted(Comparator.comparingInt((Integer i) -> counts[i]).reversed())
                .toList();
        Map<String, Double> shares = new LinkedHashMap<>();
        for (int i : order.subList(0, MAX_NAMES)) {
            double share = (double) counts[i] / samples;
            if (!shares.isEmpty() && share < MIN_SHARE) {
                break;
            }
            shares.put(NAMES.get(i), share);
        }
        return shares;
    }

    private static byte[] nearestTable() {
        double[][] swatchLab = new double[SWATCHES.length][];
        for (int i = 0; i < SWATCHES.length; i++) {
            swatchLab[i] = lab(SWATCHES[i][1], SWATCHES[i][2], SWATCHES[i][3]);
        }
        byte[] table = new byte[1 << 15];
        for (int key = 0; key < table.length; key++) {
            // The centre of each 8-wide bucket stands for the bucket.
            double[] lab = lab(((key >> 10) << 3) | 4, (((key >> 5) & 31) << 3) | 4, ((key & 31) << 3) | 4);
            int best = 0;
            double bestDistance = Double.MAX_VALUE;
            for (int i = 0; i < swatchLab.length; i++) {
                double dl = lab[0] - swatchLab[i][0];
                double da = lab[1] - swatchLab[i][1];
                double db = lab[2] - swatchLab[i][2];
                double distance = dl * dl + da * da + db * db;
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = i;
                }
            }
            table[key] = (byte) SWATCHES[best][0];
        }
        return table;
    }

    /** CIE Lab (D65) of an sRGB colour. */
    private static double[] lab(int r, int g, int b) {
        double lr = LINEAR[r];
        double lg = LINEAR[g];
        double lb = LINEAR[b];
        double x = f((0.4124 * lr + 0.3576 * lg + 0.1805 * lb) / 0.95047);
        double y = f(0.2126 * lr + 0.7152 * lg + 0.0722 * lb);
        double z = f((0.0193 * lr + 0.1192 * lg + 0.9505 * lb) / 1.08883);
        return new double[] {116 * y - 16, 500 * (x - y), 200 * (y - z)};
    }

    /** CIE L* (0..100) of linear RGB. */
    private static double lightness(double lr, double lg, double lb) {
        return 116 * f(0.2126 * lr + 0.7152 * lg + 0.0722 * lb) - 16;
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
