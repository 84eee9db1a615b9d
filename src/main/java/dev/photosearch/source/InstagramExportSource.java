package dev.photosearch.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;

/**
 * An Instagram "Download your information" export: an extracted folder, the zip itself, or one of its JSON files.
 * Every media item becomes a photo; items whose file is missing keep their caption and have no media.
 */
public final class InstagramExportSource implements PhotoSource {

    private final String key;
    private final ExportStore.Opener opener;

    InstagramExportSource(String key, ExportStore.Opener opener) {
        this.key = key;
        this.opener = opener;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public Scan scan() throws IOException {
        ScanCollector scan = new ScanCollector();
        try (ExportStore store = opener.open()) {
            ExportMediaReader reader = new ExportMediaReader(key, store);
            for (ExportFile file : store.jsonFiles()) {
                try (InputStream in = store.open(file)) {
                    JsonInput.forEachElement(in, file.name(), file.kind().arrayField, entry -> {
                        if (file.kind() == ExportKind.POSTS) {
                            readPost(entry, reader, scan);
                        } else {
                            readStandalone(entry, reader, file.kind(), scan);
                        }
                    });
                }
            }
            if (reader.missing() > 0) {
                scan.notice(reader.missing() + " of " + reader.total()
                        + " media files are missing; their captions are indexed without the image");
            }
        }
        return scan.build(key);
    }

    private static void readPost(JsonNode post, ExportMediaReader reader, ScanCollector scan) throws IOException {
        JsonNode media;
        String caption;
        Instant postTime;
        try {
            JsonFields.requireObject(post, "post");
            media = JsonFields.array(post, "media");
            if (media == null || media.isEmpty()) {
                throw new MalformedEntryException("post without \"media\"");
            }
            caption = caption(post, media);
            postTime = JsonFields.epochSeconds(post, "creation_timestamp");
        } catch (MalformedEntryException e) {
            scan.skip("malformed post: " + e.getMessage());
            return;
        }
        for (JsonNode item : media) {
            readItem(item, caption, postTime, reader, ExportKind.POSTS, scan);
        }
    }

    /** A story or profile picture: a media item outside any post, captioned by its own title. */
    private static void readStandalone(JsonNode item, ExportMediaReader reader, ExportKind kind, ScanCollector scan)
            throws IOException {
        String caption;
        try {
            caption = Mojibake.repair(nonNull(JsonFields.text(JsonFields.requireObject(item, "media item"), "title")));
        } catch (MalformedEntryException e) {
            scan.skip("malformed media item: " + e.getMessage());
            return;
        }
        readItem(item, caption, null, reader, kind, scan);
    }

    private static void readItem(JsonNode item, String caption, Instant postTime, ExportMediaReader reader,
                                 ExportKind kind, ScanCollector scan) throws IOException {
        try {
            Photo photo = reader.read(item, caption, postTime, kind);
            if (photo == null) {
                scan.skip("media uri leaves the export folder (refused)");
            } else {
                scan.add(photo);
            }
        } catch (MalformedEntryException e) {
            scan.skip("malformed media item: " + e.getMessage());
        }
    }

    /** Carousels hold the caption in the post's title, single photos in their only item's title. */
    private static String caption(JsonNode post, JsonNode media) {
        String root = JsonFields.text(post, "title");
        if (root != null && !root.isEmpty()) {
            return Mojibake.repair(root);
        }
        JsonNode first = JsonFields.requireObject(media.get(0), "media item");
        return Mojibake.repair(nonNull(JsonFields.text(first, "title")));
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
