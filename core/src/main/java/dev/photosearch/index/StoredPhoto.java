package dev.photosearch.index;

/**
 * A committed photo read back from the index.
 *
 * @param entry  what was stored
 * @param vector its text vector; null when it has none
 * @param image  its CLIP image vector; null when it has none
 */
public record StoredPhoto(IndexedPhoto entry, float[] vector, ImageVector image) {}
