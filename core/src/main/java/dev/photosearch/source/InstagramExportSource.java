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

    /**
     * Reads every JSON file of the export. A file that breaks part-way (cut short, a value too long) keeps the entries
     * read before the break and is named in a notice; only an export where nothing at all could be read fails.
     */
    @Override
    public Scan scan() throws IOException {
        ScanCollector scan = new ScanCollector();
        CaptionLimit captions = new CaptionLimit();
        BrokenJsonException broken = null;
        try (ExportStore store = opener.open()) {
            ExportMediaReader reader = new ExportMediaReader(key, store);
            for (ExportFile file : store.jsonFiles()) {
                try {
                    readFile(store, file, reader, captions, scan);
                } catch (BrokenJsonException e) {
                    broken = e;
                    scan.incomplete();
                    scan.notice(e.getMessage() + "; kept the " + e.elementsRead() + " entries before that point,"
                            + " skipped the rest of " + file.name());
                }
            }
            if (broken != null && scan.isEmpty()) {
                throw broken;
            }
            if (reader.missing() > 0) {
                scan.notice(reader.missing() + " of " + reader.total()
                        + " media files are missing; their captions are indexed without the image");
            }
        }
        captions.noteIn(scan);
        return scan.build(key);
    }

    private static void readFile(ExportStore store, ExportFile file, ExportMediaReader reader, CaptionLimit captions,
            ScanCollector scan) throws IOException {
        try (InputStream in = store.open(file)) {
            JsonInput.forEachElement(in, file.name(), file.kind().arrayField, entry -> {
                if (file.kind() == ExportKind.POSTS) {
                    readPost(entry, reader, captions, scan);
                } else {
                    readStandalone(entry, reader, file.kind(), captions, scan);
                }
            });
        }
    }

    private static void readPost(JsonNode post, ExportMediaReader reader, CaptionLimit captions, ScanCollector scan)
            throws IOException {
        JsonNode media;
        String caption;
        Instant postTime;
        try {
            JsonFields.requireObject(post, "post");
            media = JsonFields.array(post, "media");
            if (media == null || media.isEmpty()) {
                throw new MalformedEntryException("post without \"media\"");
            }
            caption = captions.apply(caption(post, media));
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
    private static void readStandalone(JsonNode item, ExportMediaReader reader, ExportKind kind,
            CaptionLimit captions, ScanCollector scan) throws IOException {
        String caption;
        try {
            caption = captions.apply(Mojibake.repair(nonNull(JsonFields.text(JsonFields.requireObject(item,
                    "media item"), "title"))));
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
        } catch (RefusedFileException e) {
            scan.skip(e.leadsOutOfRoot() ? "media file leads out of the export through a symbolic link (refused)"
                    : "media file is " + e.kind() + ", not read");
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
