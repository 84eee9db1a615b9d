package dev.photosearch.index;

import dev.photosearch.source.Photo;
import dev.photosearch.vision.Description;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Small photos for store tests: source "test", the given path, caption and date, nothing analysed. */
public final class StoreFixtures {

    /** The source of every fixture photo. */
    public static final String SOURCE = "test";

    private StoreFixtures() {}

    /** The id of the fixture photo at {@code path}. */
    public static String id(String path) {
        return Photo.idFor(SOURCE, path);
    }

    /** A photo of source {@link #SOURCE}; {@code takenAt} may be null. */
    public static IndexedPhoto photo(String path, String caption, Instant takenAt) {
        return photo(SOURCE, path, caption, takenAt);
    }

    /** A photo of another source; {@code takenAt} may be null. */
    public static IndexedPhoto photo(String source, String path, String caption, Instant takenAt) {
        Photo photo = new Photo(Photo.idFor(source, path), source, path, null, null, takenAt, caption, List.of(),
                List.of(), "", "", false, Map.of(), "fp-" + path);
        return new IndexedPhoto(photo, null, null, null, List.of(), new Description("", ""), "fp-" + path);
    }
}
