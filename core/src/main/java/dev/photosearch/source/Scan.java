package dev.photosearch.source;

import java.util.List;
import java.util.Map;

/**
 * What reading a source found.
 *
 * @param photos   every photo of the source, in source order
 * @param skipped  entries that are not photos, counted by reason ("not an image: .txt", "video without thumbnail"...)
 * @param notices  one-line messages for the user, each said once ("312 media files are missing: indexed their text only")
 * @param complete false when part of the source could not be read (a file cut short): photos indexed before that
 *                 are missing from the scan may still exist, so they must not be taken out of the index
 */
public record Scan(List<Photo> photos, Map<String, Integer> skipped, List<String> notices, boolean complete) {
    public Scan {
        photos = List.copyOf(photos);
        skipped = Map.copyOf(skipped);
        notices = List.copyOf(notices);
    }

    /** A scan that read the whole source. */
    public Scan(List<Photo> photos, Map<String, Integer> skipped, List<String> notices) {
        this(photos, skipped, notices, true);
    }
}
