package dev.photosearch.vision;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Turns a photo into the float input of an image model: resize, optional centre crop, scale to [0, 1], normalise
 * per channel, channels first (NCHW). One instance per model family: CLIP's and ViT's differ only in parameters.
 *
 * @param size         side of the square input
 * @param shortestEdge true: scale the shortest edge to {@code size} and crop the centre (CLIP); false: squash the
 *                     whole image to {@code size}×{@code size} (ViT)
 * @param filter       resampling filter
 * @param mean         per-channel mean (R, G, B)
 * @param std          per-channel standard deviation
 */
public record ImageTensor(int size, boolean shortestEdge, Resampler.Filter filter, float[] mean, float[] std) {

    /** CLIP's processor: shortest edge 224 (bicubic), centre crop 224, CLIP's mean and std. */
    public static final ImageTensor CLIP = new ImageTensor(224, true, Resampler.Filter.BICUBIC,
            new float[] {0.48145466f, 0.4578275f, 0.40821073f}, new float[] {0.26862954f, 0.26130258f, 0.27577711f});

    /** ViT's processor (the captioner): 224×224 bilinear, mean and std 0.5. */
    public static final ImageTensor VIT = new ImageTensor(224, false, Resampler.Filter.BILINEAR,
            new float[] {0.5f, 0.5f, 0.5f}, new float[] {0.5f, 0.5f, 0.5f});

    /** Floats per image. */
    public int length() {
        return 3 * size * size;
    }

    /** The batch as one NCHW float array; images are prepared in parallel, each into its own slice. */
    public float[] batch(List<BufferedImage> images) {
        float[] pixels = new float[images.size() * length()];
        java.util.stream.IntStream.range(0, images.size()).parallel()
                .forEach(i -> write(images.get(i), pixels, i * length()));
        return pixels;
    }

    /** The NCHW shape of a batch of {@code n} images. */
    public long[] shape(int n) {
        return new long[] {n, 3, size, size};
    }

    /** Writes one image's {@code 3×size×size} floats into {@code out} from {@code offset}. */
    public void write(BufferedImage image, float[] out, int offset) {
        int w = image.getWidth();
        int h = image.getHeight();
        int nw = size;
        int nh = size;
        if (shortestEdge) {
            // The long side is scaled by the same factor and truncated, as the processor does.
            if (w <= h) {
                nh = (int) ((long) size * h / w);
            } else {
                nw = (int) ((long) size * w / h);
            }
        }
        int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
        int[] resized = Resampler.resize(rgb, w, h, nw, nh, filter);
        int top = (nh - size) / 2;
        int left = (nw - size) / 2;
        int plane = size * size;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int p = resized[(y + top) * nw + x + left];
                int at = offset + y * size + x;
                out[at] = ((((p >> 16) & 0xff) / 255f) - mean[0]) / std[0];
                out[at + plane] = ((((p >> 8) & 0xff) / 255f) - mean[1]) / std[1];
                out[at + 2 * plane] = (((p & 0xff) / 255f) - mean[2]) / std[2];
            }
        }
    }
}
