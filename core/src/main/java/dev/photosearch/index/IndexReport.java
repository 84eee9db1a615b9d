package dev.photosearch.index;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What one indexing run of one source did.
 *
 * @param source      the source key
 * @param added       photos indexed for the first time
 * @param updated     photos indexed again because they or the pipeline changed
 * @param unchanged   photos left as they were
 * @param removed     photos removed because the source no longer has them
 * @param skipped     entries not indexed, by reason
 * @param imageProblems photos indexed from their text only because the image could not be used, by reason
 * @param notices     messages for the user from the source
 * @param interrupted true when the run was stopped early; what was done is saved and the next run continues
 * @param elapsed     wall time of the run
 * @param retrying    photos whose image met a problem that may pass (a server error, a full disk), by reason: the
 *                    next run tries them again
 * @param gaveUp      photos whose passing problem met its last try in this run, now kept as final, by reason
 * @param thumbnailsNotWritten thumbnails that could not be written (a full or read-only thumbnail folder)
 */
public record IndexReport(
        String source,
        int added,
        int updated,
        int unchanged,
        int removed,
        Map<String, Integer> skipped,
        Map<String, Integer> imageProblems,
        List<String> notices,
        boolean interrupted,
        Duration elapsed,
        Map<String, Integer> retrying,
        Map<String, Integer> gaveUp,
        int thumbnailsNotWritten) {

    public IndexReport {
        skipped = Map.copyOf(skipped);
        imageProblems = Map.copyOf(imageProblems);
        notices = List.copyOf(notices);
        retrying = Map.copyOf(retrying);
        gaveUp = Map.copyOf(gaveUp);
    }

    /** "corrupt JPEG: bad Huffman table" → "corrupt JPEG": problems are counted by what comes before a colon. */
    static String reasonOf(String problem) {
        int colon = problem.indexOf(':');
        return colon < 0 ? problem : problem.substring(0, colon);
    }
}
