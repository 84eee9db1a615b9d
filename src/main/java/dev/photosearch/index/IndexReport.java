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
        Duration elapsed) {

    public IndexReport {
        skipped = Map.copyOf(skipped);
        imageProblems = Map.copyOf(imageProblems);
        notices = List.copyOf(notices);
    }
}
