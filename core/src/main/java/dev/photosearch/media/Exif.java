package dev.photosearch.media;

import java.time.LocalDateTime;

/**
 * The EXIF facts that matter for search; each may be null when the file does not say.
 *
 * @param takenAt     the original date and time, as the camera clock read it (no zone in EXIF)
 * @param camera      make and model, e.g. "Apple iPhone XR"
 * @param latitude    GPS latitude in degrees
 * @param longitude   GPS longitude in degrees
 * @param orientation EXIF orientation tag 1..8
 */
public record Exif(LocalDateTime takenAt, String camera, Double latitude, Double longitude, Integer orientation) {
    public static final Exif NONE = new Exif(null, null, null, null, null);
}
