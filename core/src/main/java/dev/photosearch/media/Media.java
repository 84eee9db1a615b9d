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
 * @param temporary what passing failure the problem is, so the photo is tried again later; null when it is final
 */
public record Media(ImageFacts facts, Path thumbnail, BufferedImage preview, String problem,
        TemporaryProblem temporary) {

    /** An image used, or one whose problem is final. */
    public Media(ImageFacts facts, Path thumbnail, BufferedImage preview, String problem) {
        this(facts, thumbnail, preview, problem, null);
    }

    public static Media failed(String problem) {
        return new Media(null, null, null, problem);
    }

    /** An image not usable, for a reason that may pass when {@code temporary} is not null. */
    static Media failed(String problem, TemporaryProblem temporary) {
        return new Media(null, null, null, problem, temporary);
    }

    public boolean ok() {
        return problem == null;
    }

    /** Whether a stored problem may go away without the file changing (a decoder installed since), so worth a retry. */
    public static boolean mayWorkLater(String problem) {
        return MediaProblem.HEIF_CONVERTER_MISSING.equals(problem);
    }
}
