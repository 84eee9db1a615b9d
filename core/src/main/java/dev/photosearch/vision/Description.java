package dev.photosearch.vision;

/**
 * The words that describe one photo.
 *
 * @param shows   what the photo shows: alt text, caption, file-name words, what the analysers saw, place
 * @param context when and with what it was taken ("Taken on 3 May 2019 with Apple iPhone XR."); may be empty
 * @param hints   what the analysers found likely but not certain ("Perhaps a cup."): searched, never shown,
 *                because a wrong guess read by people costs more than it helps; may be empty
 */
public record Description(String shows, String context, String hints) {

    public Description {
        hints = hints == null ? "" : hints;
    }

    /** A description without uncertain findings. */
    public Description(String shows, String context) {
        this(shows, context, "");
    }

    /** The sentence shown to people. */
    public String summary() {
        return context.isEmpty() ? shows : shows.isEmpty() ? context : shows + " " + context;
    }

    /** The text whose meaning is searched: what the photo shows, then the hints. */
    public String searched() {
        return hints.isEmpty() ? shows : shows.isEmpty() ? hints : shows + " " + hints;
    }
}
