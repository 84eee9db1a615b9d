package dev.photosearch.media;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * The outcome of loading one photo's image.
 *
 * @param facts     what the file says about itself; null when it could not be read
 * @param thumbnail the cached thumbnail (about 512 px on the long side) under the home; null when none
 * @param preview   decoded pixels at most about 1024 px on the long side, for the analysers; null when none
 * @param problem   why the image could not be used ("missing", "corrupt JPEG: ...", "too large: ..."); null when fine
 */
public record Media(ImageFacts facts, Path thumbnail, BufferedImage preview, String problem) {

    public static Media failed(String problem) {
        return new Media(null, null, null, problem);
    }

    public boolean ok() {
        return problem == null;
    }

    /** Whether a stored problem may go away without the file changing (a decoder installed since), so worth a retry. */
    public static boolean mayWorkLater(String problem) {
        return MediaProblem.HEIF_CONVERTER_MISSING.equals(problem);
    }
}
