package dev.photosearch.media;

import com.drew.imaging.ImageMetadataReader;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import java.io.ByteArrayInputStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Reads the EXIF facts that matter for search; never throws, bad or absent metadata gives {@link Exif#NONE}. */
final class ExifReader {

    private static final DateTimeFormatter EXIF_DATE = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");

    Exif read(byte[] bytes) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes), bytes.length);
            ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            ExifSubIFDDirectory sub = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
            GpsDirectory gps = metadata.getFirstDirectoryOfType(GpsDirectory.class);
            GeoLocation location = gps == null ? null : usable(gps.getGeoLocation());
            Exif exif = new Exif(
                    sub == null ? null : dateTime(sub.getString(ExifSubIFDDirectory.TAG_DATETIME_ORIGINAL)),
                    ifd0 == null ? null : camera(ifd0.getString(ExifIFD0Directory.TAG_MAKE),
                            ifd0.getString(ExifIFD0Directory.TAG_MODEL)),
                    location == null ? null : location.getLatitude(),
                    location == null ? null : location.getLongitude(),
                    ifd0 == null ? null : orientation(ifd0.getInteger(ExifIFD0Directory.TAG_ORIENTATION)));
            return exif.equals(Exif.NONE) ? Exif.NONE : exif;
        } catch (Exception e) {
            // Metadata is a bonus: any failure, checked or not, just means none.
            return Exif.NONE;
        }
    }

    /** "Apple" + "iPhone XR" gives "Apple iPhone XR"; "Canon" + "Canon EOS R5" gives "Canon EOS R5". */
    static String camera(String make, String model) {
        String m = clean(make);
        String mo = clean(model);
        if (mo.isEmpty()) {
            return m.isEmpty() ? null : m;
        }
        String brand = m.split(" ", 2)[0].toLowerCase(Locale.ROOT);
        // Many cameras repeat the brand in the model, some with a longer make ("NIKON CORPORATION" / "NIKON D750").
        if (m.isEmpty() || mo.toLowerCase(Locale.ROOT).startsWith(brand)) {
            return mo;
        }
        return m + " " + mo;
    }

    private static String clean(String s) {
        return s == null ? "" : s.replace('\0', ' ').strip().replaceAll("\\s+", " ");
    }

    private static LocalDateTime dateTime(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip(), EXIF_DATE);
        } catch (DateTimeParseException e) {
            return null; // cameras with an unset clock write "0000:00:00 00:00:00"
        }
    }

    private static GeoLocation usable(GeoLocation location) {
        if (location == null || location.isZero()
                || !Double.isFinite(location.getLatitude()) || !Double.isFinite(location.getLongitude())
                || Math.abs(location.getLatitude()) > 90 || Math.abs(location.getLongitude()) > 180) {
            return null;
        }
        return location;
    }

    private static Integer orientation(Integer value) {
        return value != null && value >= 1 && value <= 8 ? value : null;
    }
}
