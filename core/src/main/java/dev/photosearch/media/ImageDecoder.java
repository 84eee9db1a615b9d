package dev.photosearch.media;

import java.awt.image.BufferedImage;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes encoded image bytes defensively: the size is checked from the header before any pixel is read,
 * and large images are subsampled while decoding so the full raster is never allocated.
 */
final class ImageDecoder {

    /**
     * A decoded image.
     *
     * @param format reader format name, lower case
     * @param width  full width, as the file states it
     * @param height full height, as the file states it
     * @param image  pixels, subsampled to between one and two times {@code targetLongSide} when larger
     */
    record Decoded(String format, int width, int height, BufferedImage image) {}

    private final long maxPixels;
    private final int targetLongSide;
    private final HeifConverter heif;

    ImageDecoder(long maxPixels, int targetLongSide, HeifConverter heif) {
        this.maxPixels = maxPixels;
        this.targetLongSide = targetLongSide;
        this.heif = heif;
    }

    /** Decodes any format ImageIO reads, and HEIC or AVIF through {@link HeifConverter} (their format is kept). */
    Decoded decode(byte[] bytes) throws MediaProblem {
        if (bytes.length == 0) {
            throw MediaProblem.empty();
        }
        String heifFormat = HeifConverter.formatOf(bytes);
        if (heifFormat != null) {
            Decoded jpeg = decodeReadable(heif.toJpeg(bytes));
            return new Decoded(heifFormat, jpeg.width(), jpeg.height(), jpeg.image());
        }
        return decodeReadable(bytes);
    }

    private Decoded decodeReadable(byte[] bytes) throws MediaProblem {
        try (ImageInputStream input = new EndCappedImageInput(bytes)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw MediaProblem.unknownFormat();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                return read(reader, formatOf(reader));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // Format probing and setInput also parse untrusted bytes.
            throw MediaProblem.unreadable(describe(e));
        }
    }

    private Decoded read(ImageReader reader, String format) throws MediaProblem {
        try {
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width <= 0 || height <= 0) {
                throw MediaProblem.corrupt(format, "no size in header");
            }
            if ((long) width * height > maxPixels) {
                throw MediaProblem.tooManyPixels(width, height, maxPixels);
            }
            ImageReadParam param = reader.getDefaultReadParam();
            int step = Math.max(1, Math.max(width, height) / targetLongSide);
            param.setSourceSubsampling(step, step, 0, 0);
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            BufferedImage image = reader.read(0, param);
            // JPEG readers grey out the rows they never got and only warn; a missing end marker alone loses nothing.
            if (warnings.stream().anyMatch(w -> w.toLowerCase(Locale.ROOT).contains("premature end"))) {
                throw MediaProblem.truncated(format);
            }
            return new Decoded(format, width, height, image);
        } catch (IOException | RuntimeException e) {
            // Readers throw all sorts of unchecked exceptions on corrupt data, not only IIOException.
            throw hasEof(e) ? MediaProblem.truncated(format) : MediaProblem.corrupt(format, describe(e));
        }
    }

    private static String formatOf(ImageReader reader) {
        try {
            return reader.getFormatName().toLowerCase(Locale.ROOT);
        } catch (IOException e) {
            return "image";
        }
    }

    private static boolean hasEof(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EOFException) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
