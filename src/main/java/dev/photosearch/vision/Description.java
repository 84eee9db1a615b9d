package dev.photosearch.vision;

/**
 * The words that describe one photo.
 *
 * @param shows   what the photo shows: alt text, caption, file-name words, what the analysers saw, place
 * @param context when and with what it was taken ("Taken on 3 May 2019 with Apple iPhone XR."); may be empty
 */
public record Description(String shows, String context) {

    /** The sentence shown to people. */
    public String summary() {
        return context.isEmpty() ? shows : shows.isEmpty() ? context : shows + " " + context;
    }
}
