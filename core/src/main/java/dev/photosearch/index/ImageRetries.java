package dev.photosearch.index;

import dev.photosearch.media.Media;
import dev.photosearch.media.TemporaryProblem;
import dev.photosearch.source.Photo;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts, over one run, the images that met a problem that may pass (a server error, a full thumbnail folder): each
 * is stored with the number of runs in a row that met one, so later runs try it again, until
 * {@link Indexer#MAX_IMAGE_TRIES} runs have failed and the problem is kept as final.
 */
final class ImageRetries {

    private final Map<String, StoredState> known;
    private final Map<String, Integer> retrying = new LinkedHashMap<>();
    private final Map<String, Integer> gaveUp = new LinkedHashMap<>();
    private int thumbnailsNotWritten;

    /** @param known what the index held of the source's photos before the run, by id */
    ImageRetries(Map<String, StoredState> known) {
        this.known = known;
    }

    /** The tries to store with a photo whose image was just loaded: 0 when it was used or its problem is final. */
    synchronized int triesAfter(Photo photo, Media media) {
        if (media.temporary() == null) {
            return 0;
        }
        if (media.temporary() == TemporaryProblem.THUMBNAIL) {
            thumbnailsNotWritten++;
        }
        StoredState before = known.get(photo.id());
        int tries = (before == null ? 0 : before.imageTries()) + 1;
        if (tries >= Indexer.MAX_IMAGE_TRIES) {
            gaveUp.merge(IndexReport.reasonOf(media.problem()), 1, Integer::sum);
            return 0;
        }
        retrying.merge(IndexReport.reasonOf(media.problem()), 1, Integer::sum);
        return tries;
    }

    /** Images to try again on the next run, by reason. */
    Map<String, Integer> retrying() {
        return retrying;
    }

    /** Images whose passing problem met its last try in this run, now final, by reason. */
    Map<String, Integer> gaveUp() {
        return gaveUp;
    }

    /** Thumbnails that could not be written in this run. */
    int thumbnailsNotWritten() {
        return thumbnailsNotWritten;
    }
}
