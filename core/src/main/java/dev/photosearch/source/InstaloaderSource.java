package dev.photosearch.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Files written by Instaloader: one {@code {"node": ..., "instaloader": ...}} JSON (optionally .xz) per post,
 * the media beside it with the same stem ({@code _1}, {@code _2}... for carousel items). The node is the older
 * GraphQL node or, in newer files, a v1 item (also kept under {@code iphone_struct}); see {@link InstagramPosts}.
 * Profile and other non-post files are skipped; a file cut short is skipped and named.
 */
public final class InstaloaderSource implements PhotoSource {

    /** Instaloader's extensions for saved media; images first, since a video's thumbnail stands for it. */
    private static final List<String> MEDIA_EXTENSIONS = List.of("jpg", "jpeg", "png", "webp", "mp4");

    private final MetadataRoot root;

    /** The post files of a folder, recursively, or one of them. */
    InstaloaderSource(MetadataRoot root) {
        this.root = root;
    }

    /** Whether a folder (or its direct subfolders, one per profile) holds Instaloader files. */
    static boolean looksLikeInstaloaderFolder(Path dir) throws IOException {
        return MetadataFiles.holds(dir, 2, InstaloaderSource::isJsonName, file -> file.getFileName().toString()
                .endsWith(".xz") || JsonSniffer.sniff(file) == JsonSniffer.Kind.INSTALOADER);
    }

    /** Whether a file name is one Instaloader writes metadata to. */
    private static boolean isJsonName(String name) {
        return name.endsWith(".json") || name.endsWith(".json.xz");
    }

    @Override
    public String key() {
        return "instaloader:" + root.describe();
    }

    @Override
    public Scan scan() throws IOException {
        return root.read(key(), InstaloaderSource::isJsonName, this::readDocument);
    }

    private void readDocument(Path file, JsonNode document, ScanCollector scan) {
        JsonNode node = document.isObject() ? document.get("node") : null;
        if (node == null || !node.isObject()) {
            scan.skip("not an Instaloader post file");
            return;
        }
        if (!InstagramPosts.isPost(node)) {
            String type = node.path("__typename").asText("");
            scan.skip("not a post (" + (type.isEmpty() ? "no shortcode" : type) + ")");
            return;
        }
        GraphPost post = InstagramPosts.parse(node);
        String stem = stem(file);
        List<GraphMedia> items = post.media();
        for (int i = 0; i < items.size(); i++) {
            String name = post.isCarousel() ? stem + "_" + (i + 1) : stem;
            GraphMedia item = items.get(i);
            scan.add(post.toPhoto(key(), root.relativePath(file.resolveSibling(name)), item,
                    location(file.resolveSibling(name), item)));
        }
    }

    private static MediaLocation location(Path stemPath, GraphMedia item) {
        for (String ext : MEDIA_EXTENSIONS) {
            Path candidate = stemPath.resolveSibling(stemPath.getFileName() + "." + ext);
            if (Files.isRegularFile(candidate)) {
                return new MediaLocation.LocalFile(candidate);
            }
        }
        return WebUrls.remote(item.displayUrl());
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - (name.endsWith(".xz") ? ".json.xz" : ".json").length());
    }

}
