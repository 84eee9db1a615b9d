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
        int outW = alongX ? size : w;
        int outH = alongX ? h : size;
        int[] out = new int[outW * outH];
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
            int lines = alongX ? h : w;
            for (int line = 0; line < lines; line++) {
                double r = 0;
                double g = 0;
                double b = 0;
                for (int i = min; i < max; i++) {
                    int p = alongX ? in[line * w + i] : in[i * w + line];
                    double kk = k[i - min];
                    r += kk * ((p >> 16) & 0xff);
                    g += kk * ((p >> 8) & 0xff);
                    b += kk * (p & 0xff);
                }
                int index = alongX ? line * outW + o : o * outW + line;
                out[index] = (clamp(r) << 16) | (clamp(g) << 8) | clamp(b);
            }
        }
        return out;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
