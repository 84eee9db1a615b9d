package dev.photosearch.media;

/**
 * What the image file says about itself, read without decoding pixels.
 *
 * @param width  pixels
 * @param height pixels
 * @param format reader format name, e.g. "jpeg", "png", "webp"
 * @param bytes  size of the encoded file
 * @param exif   EXIF facts, {@link Exif#NONE} when absent
 */
public record ImageFacts(int width, int height, String format, long bytes, Exif exif) {}
