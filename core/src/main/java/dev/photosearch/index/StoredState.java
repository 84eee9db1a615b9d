package dev.photosearch.index;

/**
 * What the index holds of a photo that decides whether indexing must look at it again.
 *
 * @param fingerprint   the photo's fingerprint with the analyser and describer versions that made its entry
 * @param imageModel    the CLIP model of its image vector; null when it has none
 * @param imageProblem  why its image could not be used, so that no image vector can be made for it; null when it
 *                      could
 * @param imageTries    runs in a row that met a passing problem with its image; above 0 while it is tried again
 */
public record StoredState(String fingerprint, String imageModel, String imageProblem, int imageTries) {

    /** Whether its image could not be used. */
    public boolean imageUnusable() {
        return imageProblem != null;
    }

    /** Whether its image met a problem that may pass, so the next run tries it again even when nothing changed. */
    public boolean imageToRetry() {
        return imageProblem != null && imageTries > 0;
    }
}
