package dev.photosearch.index;

import dev.photosearch.media.ImageFacts;
import dev.photosearch.source.Photo;
import dev.photosearch.vision.Analysis;
import dev.photosearch.vision.Description;
import java.util.List;

/**
 * Everything the index keeps about one photo, as shown in results (the vector is stored beside it).
 *
 * @param photo        the record from its source
 * @param facts        what the image file says about itself; null when the image could not be read
 * @param thumbnail    absolute path of the cached thumbnail; null when none
 * @param mediaProblem why the image could not be used; null when it was
 * @param analyses     what each analyser saw
 * @param description  the photo's description
 * @param fingerprint  the source fingerprint combined with the pipeline's versions; unchanged means nothing to redo
 * @param imageTries   how many runs in a row could not use the image for a reason that may pass (a server error, a
 *                     full disk), while it is still tried again; 0 when it was used or its problem is final
 */
public record IndexedPhoto(
        Photo photo,
        ImageFacts facts,
        String thumbnail,
        String mediaProblem,
        List<Analysis> analyses,
        Description description,
        String fingerprint,
        int imageTries) {

    public IndexedPhoto {
        analyses = analyses == null ? List.of() : List.copyOf(analyses);
    }

    /** A photo whose image was used, or whose problem is final. */
    public IndexedPhoto(Photo photo, ImageFacts facts, String thumbnail, String mediaProblem, List<Analysis> analyses,
            Description description, String fingerprint) {
        this(photo, facts, thumbnail, mediaProblem, analyses, description, fingerprint, 0);
    }
}
