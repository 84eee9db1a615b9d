package dev.photosearch.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Files written by Instaloader: one {@code {"node": ..., "instaloader": ...}} JSON (optionally .xz) per post,
 * the media beside it with the same stem ({@code _1}, {@code _2}... for carousel items).
 * Profile and other non-post files are skipped.
 */
public final class InstaloaderSource implements PhotoSource {

    /** Instaloader's extensions for saved media; images first, since a video's thumbnail stands for it. */
    private static final List<String> MEDIA_EXTENSIONS = List.of("jpg", "jpeg", "png", "webp", "mp4");

    /** JSON files looked into when detecting a folder; enough to see its shape. */
    private static final int SNIFFED_FILES = 20;

    private final Path root;
    private final Path singleFile;

    private InstaloaderSource(Path root, Path singleFile) {
        this.root = root;
        this.singleFile = singleFile;
    }

    /** All post files under a folder, recursively. */
    public static InstaloaderSource folder(Path dir) {
        return new InstaloaderSource(dir.toAbsolutePath().normalize(), null);
    }

    /** One post file. */
    public static InstaloaderSource file(Path json) {
        Path file = json.toAbsolutePath().normalize();
        return new InstaloaderSource(file.getParent(), file);
    }

    /** Whether a folder (or its direct subfolders, one per profile) holds Instaloader files. */
    static boolean looksLikeInstaloaderFolder(Path dir) throws IOException {
        List<Path> candidates;
        try (Stream<Path> files = Files.walk(dir, 2)) {
            candidates = files.filter(f -> !f.getFileName().toString().startsWith("."))
                    .filter(f -> isJsonName(f.getFileName().toString()) && Files.isRegularFile(f))
                    .limit(SNIFFED_FILES)
                    .toList();
        }
        for (Path file : candidates) {
            if (file.getFileName().toString().endsWith(".xz")) {
                return true;
            }
            try {
                if (JsonSniffer.sniff(file) == JsonSniffer.Kind.INSTALOADER) {
                    return true;
                }
            } catch (SourceException e) {
                // a broken JSON file says nothing about the folder; the scan will report it if it is ours
            }
        }
        return false;
    }

    /** Whether a file name is one Instaloader writes metadata to. */
    private static boolean isJsonName(String name) {
        return name.endsWith(".json") || name.endsWith(".json.xz");
    }

    @Override
    public String key() {
        return "instaloader:" + (singleFile != null ? singleFile : root);
    }

    @Override
    public Scan scan() throws IOException {
        ScanCollector scan = new ScanCollector();
        List<String> unreadable = new ArrayList<>();
        for (Path file : jsonFiles()) {
            JsonNode document;
            try {
                document = read(file);
            } catch (SourceException e) {
                if (singleFile != null) {
                    throw e;
                }
                // One file cut short by an interrupted download must not hide the thousands of others.
                scan.skip("unreadable JSON file");
                unreadable.add(relativePath(file));
                continue;
            }
            try {
                readDocument(file, document, scan);
            } catch (MalformedEntryException e) {
                scan.skip("malformed post: " + e.getMessage());
            }
        }
        if (!unreadable.isEmpty()) {
            scan.notice(unreadable.size() + " post files could not be read and were skipped: "
                    + String.join(", ", unreadable.subList(0, Math.min(10, unreadable.size())))
                    + (unreadable.size() > 10 ? ", ..." : ""));
        }
        return scan.build(key());
    }

    private List<Path> jsonFiles() throws IOException {
        if (singleFile != null) {
            return List.of(singleFile);
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> !isHiddenBelowRoot(f))
                    .filter(f -> isJsonName(f.getFileName().toString()) && Files.isRegularFile(f))
                    .sorted()
                    .toList();
        }
    }

    private boolean isHiddenBelowRoot(Path file) {
        for (Path part : root.relativize(file)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode read(Path file) throws IOException {
        try (InputStream in = JsonInput.open(file)) {
            return JsonInput.readTree(in, file.toString());
        }
    }

    private void readDocument(Path file, JsonNode document, ScanCollector scan) {
        JsonNode node = document.isObject() ? document.get("node") : null;
        if (node == null || !node.isObject()) {
            scan.skip("not an Instaloader post file");
            return;
        }
        if (!GraphNodeParser.isPost(node)) {
            String type = node.path("__typename").asText("");
            scan.skip("not a post (" + (type.isEmpty() ? "no shortcode" : type) + ")");
            return;
        }
        GraphPost post = GraphNodeParser.parse(node);
        String stem = stem(file);
        List<GraphMedia> items = post.media();
        for (int i = 0; i < items.size(); i++) {
            String name = post.isCarousel() ? stem + "_" + (i + 1) : stem;
            GraphMedia item = items.get(i);
            scan.add(post.toPhoto(key(), relativePath(file.resolveSibling(name)), item,
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

    private String relativePath(Path file) {
        return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }
}
