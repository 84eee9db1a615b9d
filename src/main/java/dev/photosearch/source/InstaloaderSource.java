package dev.photosearch.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.tukaani.xz.XZIOException;

/**
 * Files written by Instaloader: one {@code {"node": ..., "instaloader": ...}} JSON (optionally .xz) per post,
 * the media beside it with the same stem ({@code _1}, {@code _2}... for carousel items). The node is the older
 * GraphQL node or, in newer files, a v1 item (also kept under {@code iphone_struct}); see {@link InstagramPosts}.
 * Profile and other non-post files are skipped; a file cut short is skipped and named.
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
        for (Path file : candidates(dir)) {
            if (file.getFileName().toString().endsWith(".xz")) {
                return true;
            }
            try {
                if (JsonSniffer.sniff(file) == JsonSniffer.Kind.INSTALOADER) {
                    return true;
                }
            } catch (IOException e) {
                // a broken or unreadable JSON file says nothing about the folder; the scan reports it if it is ours
            }
        }
        return false;
    }

    /**
     * The first JSON files in {@code dir} and its direct subfolders. Unreadable folders are passed over, and the
     * start may be a root ({@code /}), whose path has no file name.
     */
    private static List<Path> candidates(Path dir) throws IOException {
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(dir, Set.of(), 2, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) {
                Path name = folder.getFileName();
                return folder.equals(dir) || name == null || !name.toString().startsWith(".")
                        ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                String name = file.getFileName() == null ? "" : file.getFileName().toString();
                if (attributes.isRegularFile() && !name.startsWith(".") && isJsonName(name)) {
                    found.add(file);
                }
                return found.size() < SNIFFED_FILES ? FileVisitResult.CONTINUE : FileVisitResult.TERMINATE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
        return found;
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
        } catch (EOFException | XZIOException e) {
            // a .json.xz cut short by an interrupted download ends inside the compressed stream
            throw new SourceException(file + " is cut short or damaged (" + (e.getMessage() == null
                    ? "it ends too early" : e.getMessage()) + ")", e);
        }
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
