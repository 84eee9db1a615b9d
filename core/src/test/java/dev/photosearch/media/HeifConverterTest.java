package dev.photosearch.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.photosearch.source.MediaLocation;
import dev.photosearch.testing.Programs;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HEIC and AVIF pictures, decoded through libheif's programs (CI installs them; the tests that need them skip). */
class HeifConverterTest {

    @TempDir
    Path dir;

    private static byte[] isoStart(String brand) {
        byte[] bytes = new byte[32];
        byte[] box = ("\0\0\0\u0018ftyp" + brand).getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(box, 0, bytes, 0, box.length);
        return bytes;
    }

    @Test
    void knowsHeicAndAvifByTheirFileTypeBox() throws IOException {
        assertEquals("heic", HeifConverter.formatOf(isoStart("heic")));
        assertEquals("heic", HeifConverter.formatOf(isoStart("mif1")));
        assertEquals("avif", HeifConverter.formatOf(isoStart("avif")));
        assertNull(HeifConverter.formatOf(isoStart("isom")), "an MP4 video is no picture");
        assertNull(HeifConverter.formatOf(TestImages.jpeg(8, 8)));
        assertNull(HeifConverter.formatOf(new byte[] {0, 0, 0}));
    }

    @Test
    void withoutTheProgramAHeicPictureSaysWhatToInstallAndIsTriedAgainLater() {
        HeifConverter missing = new HeifConverter(dir.resolve("nowhere/heif-convert").toString());
        MediaProblem problem = assertThrows(MediaProblem.class, () -> missing.toJpeg(isoStart("heic")));
        assertTrue(problem.getMessage().contains("apt install libheif-examples"), problem.getMessage());
        assertTrue(Media.mayWorkLater(problem.getMessage()));
        assertFalse(Media.mayWorkLater("unknown image format"));
    }

    @Test
    void aBrokenHeicIsAProblemNotACrash() throws IOException {
        Programs.assumeInstalled(Programs.LIBHEIF, "heif-convert");
        MediaProblem problem = assertThrows(MediaProblem.class,
                () -> new HeifConverter("heif-convert").toJpeg(isoStart("heic")));
        assertTrue(problem.getMessage().startsWith("corrupt HEIF"), problem.getMessage());
    }

    @Test
    void loadsAHeicPhotoUprightWithItsFacts() throws Exception {
        Programs.assumeInstalled(Programs.LIBHEIF, "heif-enc", "heif-convert");
        // Left half red, right half blue, encoded by libheif's own encoder.
        BufferedImage drawn = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = drawn.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 160, 240);
        g.setColor(Color.BLUE);
        g.fillRect(160, 0, 160, 240);
        g.dispose();
        Path png = dir.resolve("drawn.png");
        ImageIO.write(drawn, "png", png.toFile());
        Path heic = dir.resolve("photo.heic");
        Process encode = new ProcessBuilder("heif-enc", "-q", "90", png.toString(), "-o", heic.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile()).start();
        assertTrue(encode.waitFor(60, TimeUnit.SECONDS) && encode.exitValue() == 0,
                Files.readString(dir.resolve("log")));

        Media media = new MediaLoader(dir.resolve("thumbs"), MediaLimits.DEFAULTS)
                .load(TestImages.photo("he1c", new MediaLocation.LocalFile(heic)));

        assertTrue(media.ok(), media.problem());
        assertEquals("heic", media.facts().format());
        assertEquals(320, media.facts().width());
        assertEquals(240, media.facts().height());
        Color left = new Color(media.preview().getRGB(40, 120));
        Color right = new Color(media.preview().getRGB(280, 120));
        assertTrue(left.getRed() > 200 && left.getBlue() < 60, "left " + left);
        assertTrue(right.getBlue() > 200 && right.getRed() < 60, "right " + right);
        assertTrue(Files.isRegularFile(media.thumbnail()));
    }
}
