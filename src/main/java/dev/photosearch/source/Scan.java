package dev.photosearch.source;

import java.util.List;
import java.util.Map;

/**
 * What reading a source found.
 *
 * @param photos   every photo of the source, in source order
 * @param skipped  entries that are not photos, counted by reason ("not an image: .txt", "video without thumbnail"...)
 * @param notices  one-line messages for the user, each said once ("312 media files are missing: indexed their text only")
 */
public record Scan(List<Photo> photos, Map<String, Integer> skipped, List<String> notices) {
    public Scan {
        photos = List.copyOf(photos);
        skipped = Map.copyOf(skipped);
        notices = List.copyOf(notices);
    }
}
