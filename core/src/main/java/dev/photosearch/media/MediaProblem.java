package dev.photosearch.media;

import java.time.Duration;
import java.util.Locale;

/** Why one image could not be used; its message is the problem text stored with the photo. */
final class MediaProblem extends Exception {

    // No colon: the indexing report groups problems by what comes before one.
    static final String HEIF_CONVERTER_MISSING = "HEIC/AVIF needs the heif-convert program (on Debian and Ubuntu, "
            + "apt install libheif-examples)";

    private final TemporaryProblem temporary;

    private MediaProblem(String problem) {
        this(problem, null);
    }

    private MediaProblem(String problem, TemporaryProblem temporary) {
        // No stack trace: these are expected outcomes, reported as text, never debugged from a trace.
        super(problem, null, false, false);
        this.temporary = temporary;
    }

    /** What passing failure this is, so the photo is tried again later; null when the problem is final. */
    TemporaryProblem temporary() {
        return temporary;
    }

    static MediaProblem missing() {
        return new MediaProblem("missing");
    }

    /** A FIFO, device or socket where a picture was: never opened, as reading it could block. */
    static MediaProblem notRegularFile() {
        return new MediaProblem("not a regular file (not read)");
    }

    static MediaProblem video() {
        return new MediaProblem("video: no thumbnail");
    }

    static MediaProblem empty() {
        return new MediaProblem("empty file");
    }

    static MediaProblem tooManyBytes(long maxBytes) {
        return new MediaProblem("larger than " + bytes(maxBytes));
    }

    static MediaProblem tooManyPixels(int width, int height, long maxPixels) {
        return new MediaProblem("too large: " + width + "×" + height + " pixels, limit " + megapixels(maxPixels));
    }

    /** A HEIF picture where the program that decodes it is missing: the picture may be read on a later run. */
    static MediaProblem heifConverterMissing() {
        return new MediaProblem(HEIF_CONVERTER_MISSING);
    }

    static MediaProblem unknownFormat() {
        return new MediaProblem("unknown image format");
    }

    static MediaProblem truncated(String format) {
        return new MediaProblem("not a readable image (truncated " + format.toUpperCase(Locale.ROOT) + "?)");
    }

    static MediaProblem corrupt(String format, String detail) {
        return new MediaProblem("corrupt " + format.toUpperCase(Locale.ROOT) + ": " + detail);
    }

    static MediaProblem unreadable(String detail) {
        return new MediaProblem("unreadable: " + detail);
    }

    static MediaProblem unsupportedUrl(String url) {
        return new MediaProblem("unsupported URL: " + url);
    }

    /** Server errors, 408 and 429 may pass; other answers (404, 403...) are final. */
    static MediaProblem httpStatus(int status) {
        boolean passing = status >= 500 || status == 408 || status == 429;
        return new MediaProblem("HTTP " + status, passing ? TemporaryProblem.FETCH : null);
    }

    static MediaProblem notAnImage(String contentType) {
        return new MediaProblem("not an image: " + (contentType == null ? "no Content-Type" : contentType));
    }

    static MediaProblem timedOut(Duration timeout) {
        return new MediaProblem("timed out after " + duration(timeout), TemporaryProblem.FETCH);
    }

    static MediaProblem fetchFailed(String detail) {
        return new MediaProblem("fetch failed: " + detail, TemporaryProblem.FETCH);
    }

    static MediaProblem interrupted() {
        return new MediaProblem("interrupted", TemporaryProblem.FETCH);
    }

    static MediaProblem thumbnailNotWritten(String detail) {
        return new MediaProblem("thumbnail not written: " + detail, TemporaryProblem.THUMBNAIL);
    }

    /** "50 MiB", "12 KiB" or "300 bytes", whichever is exact. */
    static String bytes(long n) {
        if (n % (1024 * 1024) == 0) {
            return n / (1024 * 1024) + " MiB";
        }
        return n % 1024 == 0 ? n / 1024 + " KiB" : n + " bytes";
    }

    private static String megapixels(long pixels) {
        return pixels % 1_000_000 == 0 ? pixels / 1_000_000 + " MP" : pixels + " pixels";
    }

    private static String duration(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
