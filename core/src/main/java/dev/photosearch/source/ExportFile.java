package dev.photosearch.source;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One JSON file of an Instagram export.
 *
 * @param name    how the user sees it in messages
 * @param locator where its store finds it: a file path or a zip entry name
 * @param kind    what it lists
 */
record ExportFile(String name, String locator, ExportKind kind) {

    private static final Pattern NUMBER = Pattern.compile("posts_(\\d+)\\.json$");

    /** Posts files by number (posts_2 before posts_10), then stories, then profile pictures. */
    static final Comparator<ExportFile> ORDER = Comparator.comparing(ExportFile::kind)
            .thenComparingLong(ExportFile::number)
            .thenComparing(ExportFile::locator);

    private long number() {
        Matcher m = NUMBER.matcher(locator);
        if (!m.find()) {
            return 0;
        }
        try {
            return Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE; // more digits than a long holds: after every real posts file
        }
    }
}
