package dev.photosearch.media;

/**
 * What the image file says about itself, read without decoding pixels.
 *
 * @param width  pixels
 * @param height pixels
 * @param format reader format name, e.g. "jpeg", "png", "webp"
 * @param bytes  size of the encoded file
 * @param exif   EXIF facts, {@link Exif#NONE} when absent
 * @param sha256 hex SHA-256 of the encoded file: the same picture under another name, in another source or with a
 *               new file time is known by it; null in records of versions that did not keep it
 */
public record ImageFacts(int width, int height, String format, long bytes, Exif exif, String sha256) {}
