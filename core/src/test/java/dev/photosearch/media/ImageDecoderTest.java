package dev.photosearch.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ImageDecoderTest {

    private final ImageDecoder decoder = new ImageDecoder(100_000_000L, 512, new HeifConverter("heif-convert"));

    @Test
    void subsamplesBigImagesWhileDecoding() throws MediaProblem {
        ImageDecoder.Decoded decoded = decoder.decode(TestImages.jpeg(3000, 2000));

        assertEquals(3000, decoded.width());
        assertEquals(2000, decoded.height());
        assertEquals("jpeg", decoded.format());
        int longSide = decoded.image().getWidth();
        assertTrue(longSide >= 512 && longSide < 1024, "decoded near the target size, got " + longSide);
    }

    @Test
    void refusesDecompressionBombFromItsHeader() {
        byte[] bomb = TestImages.pngClaiming(50_000, 50_000);
        assertTrue(bomb.length < 200, "the bomb itself is tiny");

        MediaProblem problem = assertThrows(MediaProblem.class, () -> decoder.decode(bomb));

        assertEquals("too large: 50000×50000 pixels, limit 100 MP", problem.getMessage());
    }

    @Test
    void headerWithoutASizeIsCorrupt() {
        MediaProblem problem = assertThrows(MediaProblem.class, () -> decoder.decode(TestImages.pngClaiming(0, 10)));

        assertTrue(problem.getMessage().startsWith("corrupt PNG: "), problem.getMessage());
    }

    @Test
    void emptyUnknownAndRandomBytesAreProblems() {
        assertEquals("empty file", assertThrows(MediaProblem.class, () -> decoder.decode(new byte[0])).getMessage());
        byte[] random = new byte[4096];
        new Random(42).nextBytes(random);
        assertEquals("unknown image format",
                assertThrows(MediaProblem.class, () -> decoder.decode(random)).getMessage());
        assertEquals("unknown image format",
                assertThrows(MediaProblem.class, () -> decoder.decode("<html></html>".getBytes())).getMessage());
    }

    @Test
    void truncatedPngIsAClearProblem() {
        byte[] png = TestImages.encode(TestImages.halves(300, 200), "png");
        byte[] half = Arrays.copyOf(png, png.length / 2);

        MediaProblem problem = assertThrows(MediaProblem.class, () -> decoder.decode(half));

        assertEquals("not a readable image (truncated PNG?)", problem.getMessage());
    }

    @Test
    void corruptDataInsideAValidHeaderIsAClearProblem() {
        byte[] png = TestImages.encode(TestImages.halves(300, 200), "png");
        // Scramble everything after the header chunk: the compressed pixel data becomes garbage.
        Random random = new Random(7);
        for (int i = 40; i < png.length - 12; i++) {
            png[i] = (byte) random.nextInt();
        }

        MediaProblem problem = assertThrows(MediaProblem.class, () -> decoder.decode(png));

        assertTrue(problem.getMessage().startsWith("corrupt PNG: ")
                || problem.getMessage().equals("not a readable image (truncated PNG?)"), problem.getMessage());
    }

    @Test
    void readsWebp() throws MediaProblem {
        assertTrue(ImageIO.getImageReadersByFormatName("webp").hasNext());
        // The 1×1 lossless WebP that browsers' feature tests use.
        byte[] webp = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

        ImageDecoder.Decoded decoded = decoder.decode(webp);

        assertEquals("webp", decoded.format());
        assertEquals(1, decoded.width());
        assertEquals(1, decoded.height());
    }

    @Test
    @Timeout(10)
    void aDecoderReadingPastTheEndIsStopped() {
        // Found by MediaFuzzTest: this WebP's Huffman tables run past its end, and the decoder read zeros for minutes.
        byte[] webp = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQGgAAAP5mdHlwBwA=");

        MediaProblem problem = assertThrows(MediaProblem.class, () -> decoder.decode(webp));

        assertEquals("not a readable image (truncated WEBP?)", problem.getMessage());
    }

    @Test
    void decodesCmykJpeg() throws IOException, MediaProblem {
        // Four bands of 100% cyan (C=255, M=Y=K=0): the stock JDK reader refuses CMYK JPEGs outright.
        WritableRaster cmyk = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 64, 48, 4, null);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                cmyk.setPixel(x, y, new int[] {255, 0, 0, 0});
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(new IIOImage(cmyk, null, null));
        } finally {
            writer.dispose();
        }

        ImageDecoder.Decoded decoded = decoder.decode(bytes.toByteArray());

        assertEquals(64, decoded.width());
        assertEquals(48, decoded.height());
        assertEquals(3, decoded.image().getColorModel().getNumColorComponents(), "converted to RGB");
    }

    @Test
    void cmykCapableJpegReaderComesFromTwelveMonkeys() {
        String reader = ImageIO.getImageReadersByFormatName("jpeg").next().getClass().getName();
        assertTrue(reader.startsWith("com.twelvemonkeys."), reader);
    }
}
