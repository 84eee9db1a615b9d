package dev.photosearch.source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Accumulates the photos, skip counts and notices of one scan. */
final class ScanCollector {

    private static final Logger LOG = LoggerFactory.getLogger(ScanCollector.class);

    private final List<Photo> photos = new ArrayList<>();
    private final Map<String, Integer> skipped = new LinkedHashMap<>();
    private final List<String> notices = new ArrayList<>();
    private boolean complete = true;

    void add(Photo photo) {
        photos.add(photo);
    }

    void skip(String reason) {
        skipped.merge(reason, 1, Integer::sum);
    }

    void notice(String message) {
        if (!notices.contains(message)) {
            notices.add(message);
        }
    }

    /** Part of the source could not be read: what is missing from this scan is not known to be gone. */
    void incomplete() {
        complete = false;
    }

    /** Whether nothing at all was found: no photo, no skipped entry. */
    boolean isEmpty() {
        return photos.isEmpty() && skipped.isEmpty();
    }

    Scan build(String sourceKey) {
        LOG.info("{}: {} photos, {} entries skipped", sourceKey, photos.size(),
                skipped.values().stream().mapToInt(Integer::intValue).sum());
        return new Scan(photos, skipped, notices, complete);
    }
}
