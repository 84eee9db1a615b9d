package dev.photosearch.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code gallery-dl --write-metadata https://www.instagram.com/USER/} saves: each picture or video with a
 * {@code NAME.EXT.json} beside it ({@code category} "instagram", {@code post_shortcode}, {@code description},
 * {@code date}, {@code num} within a carousel, {@code location_slug}, {@code likes}, {@code tags},
 * {@code display_url}, {@code video_url}, {@code username}). Each file is one photo; a file cut short is skipped
 * and named.
 */
public final class GalleryDlSource implements PhotoSource {

    /** Pictures read from the saved file; a video is shown by its still ({@code display_url}). */
    private static final List<String> IMAGE_EXTENSIONS = List.of(".jpg", ".jpeg", ".png", ".webp", ".heic");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final MetadataRoot root;

    /** The metadata files of a folder, recursively, or one of them. */
    GalleryDlSource(MetadataRoot root) {
        this.root = root;
    }

    /** Whether a folder, or one below it (gallery-dl/instagram/USER), holds gallery-dl's Instagram metadata. */
    static boolean looksLikeGalleryDlFolder(Path dir) throws IOException {
        return MetadataFiles.holds(dir, 3, GalleryDlSource::isMetadataName,
                file -> JsonSniffer.sniff(file) == JsonSniffer.Kind.GALLERY_DL);
    }

    private static boolean isMetadataName(String name) {
        return name.endsWith(".json");
    }

    @Override
    public String key() {
        return "gallery-dl:" + root.describe();
    }

    @Override
    public Scan scan() throws IOException {
        return root.read(key(), GalleryDlSource::isMetadataName, this::readDocument);
    }

    private void readDocument(Path file, JsonNode document, ScanCollector scan) {
        if (!document.isObject() || !"instagram".equals(document.path("category").asText())) {
            scan.skip("not gallery-dl Instagram metadata");
            return;
        }
        GraphPost post = parse(document);
        String name = file.getFileName().toString();
        Path media = file.resolveSibling(name.substring(0, name.length() - ".json".length()));
        scan.add(post.toPhoto(key(), root.relativePath(media), post.self(), location(media, post)));
    }

    private static GraphPost parse(JsonNode item) {
        String shortcode = JsonFields.text(item, "post_shortcode");
        if (shortcode == null) {
            shortcode = JsonFields.requiredText(item, "shortcode", "metadata");
        }
        String caption = JsonFields.text(item, "description");
        String slug = JsonFields.text(item, "location_slug");
        String video = JsonFields.text(item, "video_url");
        Map<String, String> extra = new LinkedHashMap<>();
        String owner = JsonFields.text(item, "username");
        if (owner != null) {
            extra.put("owner", owner);
        }
        String num = JsonFields.scalar(item, "num");
        if (num != null) {
            extra.put("item", num);
        }
        return new GraphPost(shortcode, null, date(item), caption == null ? "" : caption,
                slug == null ? "" : slug.replace('-', ' '), JsonFields.texts(item, "tags"),
                JsonFields.number(item, "likes"), null,
                new GraphMedia(JsonFields.text(item, "display_url"), video != null && !video.isBlank(), ""),
                List.of(), extra);
    }

    /** gallery-dl writes dates as "2024-05-01 10:15:30", in UTC. */
    private static Instant date(JsonNode item) {
        String text = JsonFields.text(item, "date");
        if (text == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip(), DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new MalformedEntryException("\"date\" is not a date like 2024-05-01 10:15:30");
        }
    }

    /** The saved picture; for a video or a picture not saved, the CDN still while it lasts. */
    private static MediaLocation location(Path media, GraphPost post) {
        String name = media.getFileName().toString().toLowerCase(Locale.ROOT);
        if (IMAGE_EXTENSIONS.stream().anyMatch(name::endsWith) && Files.isRegularFile(media)) {
            return new MediaLocation.LocalFile(media);
        }
        return WebUrls.remote(post.self().displayUrl());
    }
}
