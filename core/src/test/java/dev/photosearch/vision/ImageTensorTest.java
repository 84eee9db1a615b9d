package dev.photosearch.vision;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** Model input tensors against values worked out by hand. */
class ImageTensorTest {

    private static final float EPS = 1e-5f;

    private static BufferedImage filled(int w, int h, Color left, Color right, int split) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(left);
        g.fillRect(0, 0, split, h);
        g.setColor(right);
        g.fillRect(split, 0, w - split, h);
        g.dispose();
        return image;
    }

    private static float[] tensor(ImageTensor t, BufferedImage image) {
        float[] out = new float[t.length()];
        t.write(image, out, 0);
        return out;
    }

    @Test
    void clipNormalisesEachChannelWithItsMeanAndStd() {
        // (51, 102, 204) = (0.2, 0.4, 0.8) after scaling: (0.2 - 0.48145466) / 0.26862954 = -1.0477...
        float[] t = tensor(ImageTensor.CLIP, filled(5, 3, new Color(51, 102, 204), new Color(51, 102, 204), 5));
        float r = (0.2f - 0.48145466f) / 0.26862954f;
        float g = (0.4f - 0.4578275f) / 0.26130258f;
        float b = (0.8f - 0.40821073f) / 0.27577711f;
        assertEquals(-1.04778f, r, 1e-4);
        int plane = 224 * 224;
        for (int i : new int[] {0, 1234, plane - 1}) {
            assertEquals(r, t[i], EPS);
            assertEquals(g, t[plane + i], EPS);
            assertEquals(b, t[2 * plane + i], EPS);
        }
    }

    @Test
    void clipScalesTheShortestEdgeThenCropsTheCentre() {
        // 448×224 stays 448×224; the crop keeps columns 112..335: the left 112 columns of the crop come from the
        // red half, the right 112 from the blue half.
        float[] t = tensor(ImageTensor.CLIP, filled(448, 224, Color.RED, Color.BLUE, 224));
        float redR = (1f - 0.48145466f) / 0.26862954f;
        float noR = (0f - 0.48145466f) / 0.26862954f;
        for (int y : new int[] {0, 100, 223}) {
            assertEquals(redR, t[y * 224], EPS);
            assertEquals(redR, t[y * 224 + 111], EPS);
            assertEquals(noR, t[y * 224 + 112], EPS);
            assertEquals(noR, t[y * 224 + 223], EPS);
        }
    }

    @Test
    void aTallImageIsCroppedVertically() {
        // 224×672 (top third white): rows 224..447 of the original are kept, all black.
        BufferedImage image = new BufferedImage(224, 672, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 224, 224);
        g.dispose();
        float[] t = tensor(ImageTensor.CLIP, image);
        assertEquals((0f - 0.48145466f) / 0.26862954f, t[0], EPS);
        assertEquals((0f - 0.48145466f) / 0.26862954f, t[224 * 224 - 1], EPS);
    }

    @Test
    void bicubicResamplingMatchesPillowOnAStep() {
        // Upscaling [0, 255] to 4 pixels. Output 1 has its centre at 0.75 of the source grid; Pillow keeps only
        // the source pixels inside the image (0 and 1) at distances 0.25 and 0.75, with bicubic weights
        // w(0.25) = 0.86719 and w(0.75) = 0.22656, renormalised: 255 * 0.22656 / 1.09375 = 52.8 → 53.
        // Output 2 mirrors it: 255 * 0.86719 / 1.09375 = 202.2 → 202.
        int[] out = Resampler.resize(new int[] {0x000000, 0xffffff}, 2, 1, 4, 1, Resampler.Filter.BICUBIC);
        int[] grey = new int[4];
        for (int i = 0; i < 4; i++) {
            grey[i] = out[i] & 0xff;
        }
        assertArrayEquals(new int[] {0, 53, 202, 255}, grey);
    }

    @Test
    void vitSquashesTheWholeImageAndUsesHalfMeanAndStd() {
        float[] t = tensor(ImageTensor.VIT, filled(448, 224, Color.WHITE, Color.BLACK, 224));
        assertEquals(1f, t[0], EPS);
        assertEquals(-1f, t[223], EPS);
        assertEquals(1f, t[224 * 224 + 224 * 100 + 5], EPS);
    }
}
