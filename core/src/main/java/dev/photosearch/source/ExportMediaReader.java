package dev.photosearch.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns one media item of an Instagram export into a {@link Photo}, counting media files found missing. */
final class ExportMediaReader {

    /** EXIF fields worth showing and searching, by export name → metadata key; device_id is an opaque id. */
    private static final Map<String, String> EXIF_KEYS = orderedMap(
            "lens_model", "lens",
            "date_time_original", "date_time_original",
            "latitude", "latitude",
            "longitude", "longitude",
            "iso", "iso",
            "software", "software",
            "source_type", "source_type");

    private final String sourceKey;
    private final ExportStore store;
    private int total;
    private int missing;

    ExportMediaReader(String sourceKey, ExportStore store) {
        this.sourceKey = sourceKey;
        this.store = store;
    }

    /**
     * @param item     the media item object
     * @param caption  the caption, already repaired
     * @param postTime the post's creation time, used when the item has none
     * @param kind     what the item is: post, story, profile picture
     * @return the photo, or null when its uri leaves the export root (counted by the caller)
     */
    Photo read(JsonNode item, String caption, Instant postTime, ExportKind kind) throws IOException {
        JsonFields.requireObject(item, "media item");
        String uri = JsonFields.text(item, "uri");
        if (uri == null || uri.isBlank()) {
            throw new MalformedEntryException("media item without \"uri\"");
        }
        if (!ExportUris.isSafe(uri)) {
            return null;
        }
        Instant itemTime = JsonFields.epochSeconds(item, "creation_timestamp");
        Instant takenAt = itemTime != null ? itemTime : postTime;
        Map<String, String> metadata = metadata(item, kind);
        StoredMedia stored = store.find(uri);
        total++;
        Fingerprint fingerprint = new Fingerprint().add("path", uri).add("caption", caption).add(takenAt).add(metadata);
        if (stored == null) {
            missing++;
        } else {
            fingerprint.addFile(stored.size(), stored.modifiedMillis());
        }
        return new Photo(Photo.idFor(sourceKey, uri), sourceKey, uri, stored == null ? null : stored.location(),
                null, takenAt, caption, CaptionTags.hashtags(caption), CaptionTags.mentions(caption), "", "",
                MediaTypes.isExportVideo(uri), metadata, fingerprint.hash());
    }

    /** Media items read so far. */
    int total() {
        return total;
    }

    /** Media items read so far whose file is not in the export. */
    int missing() {
        return missing;
    }

    private static Map<String, String> metadata(JsonNode item, ExportKind kind) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("kind", kind.label);
        JsonNode exif = firstExif(JsonFields.object(item, "media_metadata"));
        if (exif != null) {
            EXIF_KEYS.forEach((field, key) -> {
                String value = JsonFields.scalar(exif, field);
                if (value != null && !value.isBlank()) {
                    metadata.put(key, Mojibake.repair(value));
                }
            });
        }
        return metadata;
    }

    /** exif_data[0] of the photo metadata, or of the video metadata for videos. */
    private static JsonNode firstExif(JsonNode mediaMetadata) {
        for (String holder : new String[] {"photo_metadata", "video_metadata"}) {
            JsonNode exifData = JsonFields.array(JsonFields.object(mediaMetadata, holder), "exif_data");
            if (exifData != null && !exifData.isEmpty()) {
                return JsonFields.requireObject(exifData.get(0), "exif_data[0]");
            }
        }
        return null;
    }

    private static Map<String, String> orderedMap(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
