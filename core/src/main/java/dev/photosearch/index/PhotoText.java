package dev.photosearch.index;

import dev.photosearch.source.Photo;
import dev.photosearch.vision.Describer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/** What every store searches of a photo beside its vectors: the text of each text field, and when it was taken. */
public final class PhotoText {

    private PhotoText() {}

    /** The text of each field of {@link Fields#TEXT} that has any, in that order. */
    public static Map<String, String> of(IndexedPhoto entry) {
        Photo photo = entry.photo();
        Map<String, String> texts = new LinkedHashMap<>();
        put(texts, Fields.CAPTION, photo.caption());
        put(texts, Fields.ALT, photo.altText());
        put(texts, Fields.PLACE, photo.place());
        put(texts, Fields.TAGS, String.join(" ", photo.hashtags()) + " " + String.join(" ", photo.mentions()));
        put(texts, Fields.PATH_WORDS, Describer.pathWords(photo.path()));
        put(texts, Fields.VISION, String.join(". ", entry.analyses().stream()
                .map(a -> a.phrase() + " " + String.join(" ", a.terms())).toList()));
        put(texts, Fields.CONTEXT, entry.description().context());
        return texts;
    }

    /** The source's date, else the camera's clock (EXIF has no zone: read as UTC, close enough to sort and filter). */
    public static Instant takenAt(IndexedPhoto entry) {
        if (entry.photo().takenAt() != null) {
            return entry.photo().takenAt();
        }
        LocalDateTime exif = entry.facts() == null ? null : entry.facts().exif().takenAt();
        return exif == null ? null : exif.toInstant(ZoneOffset.UTC);
    }

    private static void put(Map<String, String> texts, String field, String text) {
        if (text != null && !text.isBlank()) {
            texts.put(field, text);
        }
    }
}
