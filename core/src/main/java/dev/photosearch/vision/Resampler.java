package dev.photosearch.vision;

/**
 * Resizes 8-bit RGB pixels the way Pillow's {@code Image.resize} does (separable convolution whose kernel widens
 * when shrinking, horizontal pass first, each pass rounded to 8 bits), so model inputs match what the models were
 * trained with. Bicubic uses Pillow's a = -0.5; bilinear is the triangle filter.
 */
public final class Resampler {

    /** The two filters the image models use. */
    public enum Filter {
        BILINEAR(1.0), BICUBIC(2.0);

        final double support;

        Filter(double support) {
            this.support = support;
        }

        double weight(double x) {
            x = Math.abs(x);
            if (this == BILINEAR) {
                return x < 1 ? 1 - x : 0;
            }
            double a = -0.5;
            if (x < 1) {
                return ((a + 2) * x - (a + 3)) * x * x + 1;
            }
            return x < 2 ? (((x - 5) * x + 8) * x - 4) * a : 0;
        }
    }

    private Resampler() {}

    /** Resizes {@code rgb} (packed 0xRRGGBB, row-major, {@code w}×{@code h}) to {@code nw}×{@code nh}. */
    static int[] resize(int[] rgb, int w, int h, int nw, int nh, Filter filter) {
        int[] horizontal = nw == w ? rgb : pass(rgb, w, h, nw, filter, true);
        return nh == h ? horizontal : pass(horizontal, nw, h, nh, filter, false);
    }

    private static int[] pass(int[] in, int w, int h, int size, Filter filter, boolean alongX) {
        int inSize = alongX ? w : h;
        double scale = (double) inSize / size;
        double filterScale = Math.max(scale, 1.0);
        double support = filter.support * filterScale;
        int[] starts = new int[size];
        double[][] weights = new double[size][];
        for (int o = 0; o < size; o++) {
            double centre = (o + 0.5) * scale;
            int min = Math.max(0, (int) (centre - support + 0.5));
            int max = Math.min(inSize, (int) (centre + support + 0.5));
            double[] k = new double[max - min];
            double total = 0;
            for (int i = min; i < max; i++) {
                k[i - min] = filter.weight((i - centre + 0.5) / filterScale);
                total += k[i - min];
            }
            for (int i = 0; i < k.length; i++) {
                k[i] = total == 0 ? 0 : k[i] / total;
            }
            starts[o] = min;
            weights[o] = k;
        }
        return alongX ? horizontal(in, w, h, size, starts, weights) : vertical(in, w, size, starts, weights);
    }

    private static int[] horizontal(int[] in, int w, int h, int size, int[] starts, double[][] weights) {
        int[] out = new int[size * h];
        for (int line = 0; line < h; line++) {
            int base = line * w;
            for (int o = 0; o < size; o++) {
                double[] k = weights[o];
                double r = 0;
                double g = 0;
                double b = 0;
                for (int t = 0, i = base + starts[o]; t < k.length; t++, i++) {
                    int p = in[i];
                    r += k[t] * ((p >> 16) & 0xff);
                    g += k[t] * ((p >> 8) & 0xff);
                    b += k[t] * (p & 0xff);
                }
                out[line * size + o] = pack(r, g, b);
            }
        }
        return out;
    }

    /** Row by row, so memory is read in order. */
    private static int[] vertical(int[] in, int w, int size, int[] starts, double[][] weights) {
        int[] out = new int[w * size];
        double[] r = new double[w];
        double[] g = new double[w];
        double[] b = new double[w];
        for (int o = 0; o < size; o++) {
            java.util.Arrays.fill(r, 0);
            java.util.Arrays.fill(g, 0);
            java.util.Arrays.fill(b, 0);
            double[] k = weights[o];
            for (int t = 0; t < k.length; t++) {
                int base = (starts[o] + t) * w;
                double kk = k[t];
                for (int x = 0; x < w; x++) {
                    int p = in[base + x];
                    r[x] += kk * ((p >> 16) & 0xff);
                    g[x] += kk * ((p >> 8) & 0xff);
                    b[x] += kk * (p & 0xff);
                }
            }
            for (int x = 0; x < w; x++) {
                out[o * w + x] = pack(r[x], g[x], b[x]);
            }
        }
        return out;
    }

    private static int pack(double r, double g, double b) {
        return (clamp(r) << 16) | (clamp(g) << 8) | clamp(b);
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
