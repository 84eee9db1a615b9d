package dev.photosearch.index;

/** The vectors a photo may have. */
public enum VectorKind {
    /** Its description's text embedding. */
    TEXT,
    /** Its image's CLIP embedding. */
    CLIP
}
