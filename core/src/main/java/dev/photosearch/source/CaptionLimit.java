package dev.photosearch.source;

import java.util.Locale;

/**
 * Cuts captions to a sane length and counts those it cut. Instagram allows 2,200 characters; a longer caption is
 * noise or an attack, and its tail would only bloat the index and every result shown.
 */
final class CaptionLimit {

    /** Longest caption kept, in characters. */
    static final int MAX_CHARS = 10_000;

    private int cut;

    /** The caption, or its first {@link #MAX_CHARS} characters (never half an emoji) when longer. */
    String apply(String caption) {
        if (caption.length() <= MAX_CHARS) {
            return caption;
        }
        cut++;
        int end = Character.isHighSurrogate(caption.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS;
        return caption.substring(0, end);
    }

    /** Tells the user, in one notice of the scan, how many captions were cut; nothing when none was. */
    void noteIn(ScanCollector scan) {
        if (cut > 0) {
            scan.notice(cut + " caption(s) longer than " + String.format(Locale.ROOT, "%,d", MAX_CHARS)
                    + " characters were cut to that length");
        }
    }
}
