package dev.photosearch.media;

import dev.photosearch.source.MediaLocation;
import dev.photosearch.source.Photo;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Draws and encodes test images, and crafts the odd files (bombs, EXIF) that no drawing API produces. */
final class TestImages {

    private TestImages() {}

    /** Left half red, right half blue: orientation changes are easy to see. */
    static BufferedImage halves(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(Color.BLUE);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        return image;
    }

    static byte[] encode(BufferedImage image, String format) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] jpeg(int width, int height) {
        return encode(halves(width, height), "jpeg");
    }

    /** A valid 1×1 PNG whose header then claims the given size; its CRC is fixed so readers trust it. */
    static byte[] pngClaiming(int width, int height) {
        byte[] png = encode(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), "png");
        ByteBuffer buffer = ByteBuffer.wrap(png); // big-endian, like PNG
        // 8-byte signature, 4-byte length, "IHDR" at 12, width at 16, height at 20, 13 data bytes, CRC at 29.
        buffer.putInt(16, width).putInt(20, height);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        buffer.putInt(29, (int) crc.getValue());
        return png;
    }

    static Photo photo(String id, MediaLocation location) {
        return photo(id, location, false);
    }

    static Photo photo(String id, MediaLocation location, boolean video) {
        return new Photo(id, "test", id + ".jpg", location, null, null, null, null, null, null, null,
                video, null, null);
    }

    /** The JPEG with an EXIF APP1 segment placed right after SOI. */
    static byte[] withExif(byte[] jpeg, ExifSpec spec) {
        byte[] tiff = spec.tiff();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        int length = 2 + 6 + tiff.length;
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(tiff);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** The EXIF facts to craft; latitude and longitude are written as positive degrees with N/S and E/W refs. */
    record ExifSpec(String make, String model, int orientation, String dateTimeOriginal, double latitude,
                    double longitude) {

        private static final int ASCII = 2;
        private static final int SHORT = 3;
        private static final int LONG = 4;
        private static final int RATIONAL = 5;

        private record Entry(int tag, int type, int count, byte[] value) {}

        byte[] tiff() {
            List<Entry> exif = List.of(ascii(0x9003, dateTimeOriginal));
            List<Entry> gps = List.of(
                    ascii(0x0001, latitude >= 0 ? "N" : "S"), degrees(0x0002, Math.abs(latitude)),
                    ascii(0x0003, longitude >= 0 ? "E" : "W"), degrees(0x0004, Math.abs(longitude)));
            int ifd0Size = size(5);
            int ifd0Offset = 8;
            List<Entry> ifd0Probe = ifd0(0, 0);
            int exifOffset = ifd0Offset + ifd0Size + dataSize(ifd0Probe);
            int gpsOffset = exifOffset + size(exif.size()) + dataSize(exif);
            ByteBuffer buffer = ByteBuffer.allocate(gpsOffset + size(gps.size()) + dataSize(gps))
                    .order(ByteOrder.LITTLE_ENDIAN);
            buffer.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(ifd0Offset);
            write(buffer, ifd0Offset, ifd0(exifOffset, gpsOffset));
            write(buffer, exifOffset, exif);
            write(buffer, gpsOffset, gps);
            return buffer.array();
        }

        private List<Entry> ifd0(int exifOffset, int gpsOffset) {
            return List.of(ascii(0x010F, make), ascii(0x0110, model),
                    new Entry(0x0112, SHORT, 1, le(2).putShort((short) orientation).array()),
                    new Entry(0x8769, LONG, 1, le(4).putInt(exifOffset).array()),
                    new Entry(0x8825, LONG, 1, le(4).putInt(gpsOffset).array()));
        }

        private static Entry ascii(int tag, String text) {
            byte[] value = (text + "\0").getBytes(StandardCharsets.US_ASCII);
            return new Entry(tag, ASCII, value.length, value);
        }

        private static Entry degrees(int tag, double value) {
            ByteBuffer b = le(24);
            double minutes = (value - Math.floor(value)) * 60;
            b.putInt((int) Math.floor(value)).putInt(1);
            b.putInt((int) Math.floor(minutes)).putInt(1);
            b.putInt((int) Math.round((minutes - Math.floor(minutes)) * 60 * 1000)).putInt(1000);
            return new Entry(tag, RATIONAL, 3, b.array());
        }

        private static ByteBuffer le(int size) {
            return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        }

        private static int size(int entries) {
            return 2 + 12 * entries + 4;
        }

        private static int dataSize(List<Entry> entries) {
            return entries.stream().mapToInt(e -> e.value().length > 4 ? even(e.value().length) : 0).sum();
        }

        private static int even(int n) {
            return n + (n & 1);
        }

        private static void write(ByteBuffer buffer, int offset, List<Entry> entries) {
            List<Entry> sorted = new ArrayList<>(entries);
            sorted.sort((a, b) -> Integer.compare(a.tag(), b.tag()));
            int data = offset + size(sorted.size());
            buffer.position(offset);
            buffer.putShort((short) sorted.size());
            for (Entry e : sorted) {
                buffer.putShort((short) e.tag()).putShort((short) e.type()).putInt(e.count());
                if (e.value().length <= 4) {
                    buffer.put(e.value());
                    buffer.position(buffer.position() + 4 - e.value().length);
                } else {
                    buffer.putInt(data);
                    buffer.put(data, e.value());
                    data += even(e.value().length);
                }
            }
            buffer.putInt(0); // no next IFD
        }
    }
}
