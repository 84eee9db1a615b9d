package dev.photosearch.index;

/**
 * What the index holds of a photo that decides whether indexing must look at it again.
 *
 * @param fingerprint   the photo's fingerprint with the analyser and describer versions that made its entry
 * @param imageModel    the CLIP model of its image vector; null when it has none
 * @param imageUnusable whether its image could not be used, so that no image vector can be made for it
 */
public record StoredState(String fingerprint, String imageModel, boolean imageUnusable) {}
