package dev.photosearch.index;

/**
 * A photo's CLIP image embedding.
 *
 * @param model  the CLIP model's id and revision
 * @param vector L2-normalised
 */
public record ImageVector(String model, float[] vector) {}
