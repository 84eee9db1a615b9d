package dev.photosearch.media;

/** What kind of passing failure kept an image from being used: the same photo is tried again on a later run. */
public enum TemporaryProblem {
    /** The picture could not be fetched this time: a 5xx, 408 or 429 answer, a timeout, a refused connection. */
    FETCH,
    /** The thumbnail could not be written: the thumbnail folder is full or not writable. */
    THUMBNAIL
}
