package dev.photosearch.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** An extracted Instagram export on disk, or a lone export JSON file with the export root found around it. */
final class ExportFolder implements ExportStore {

    /** Where exports keep their JSON files, newest layout first; relative to the export root. */
    private static final List<String> JSON_FOLDERS = List.of("your_instagram_activity/content", "content", "");

    private final Path root;
    private final Path realRoot;
    private final List<ExportFile> files;

    /**
     * @param root  the export root media uris are relative to; null when unknown, so every media file is missing
     * @param files the JSON files to read
     */
    private ExportFolder(Path root, List<ExportFile> files) throws IOException {
        this.root = root;
        this.realRoot = root == null ? null : root.toRealPath();
        this.files = List.copyOf(files);
    }

    /** The export whose root is {@code root}. */
    static ExportFolder ofRoot(Path root) throws IOException {
        return new ExportFolder(root, findJsonFiles(root));
    }

    /** A lone export file; its root is the nearest ancestor holding its media. */
    static ExportFolder ofFile(Path file, ExportKind kind) throws IOException {
        Path root = ExportRootFinder.find(file);
        return new ExportFolder(root, List.of(new ExportFile(file.toString(), file.toString(), kind)));
    }

    /** The photo-listing JSON files of the export at {@code root}; empty when it is not an export. */
    static List<ExportFile> findJsonFiles(Path root) throws IOException {
        for (String folder : JSON_FOLDERS) {
            Path dir = folder.isEmpty() ? root : root.resolve(folder);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            List<ExportFile> found = new ArrayList<>();
            Path realRoot = root.toRealPath();
            try (Stream<Path> children = Files.list(dir)) {
                children.filter(file -> isRegularInside(realRoot, file)).forEach(file -> {
                    ExportKind kind = ExportKind.ofFileName(file.getFileName().toString());
                    if (kind != null) {
                        found.add(new ExportFile(root.relativize(file).toString(), file.toString(), kind));
                    }
                });
            }
            if (found.stream().anyMatch(f -> f.kind() == ExportKind.POSTS)) {
                found.sort(ExportFile.ORDER);
                return found;
            }
        }
        return List.of();
    }

    /** A JSON file is read only when it is a regular file inside the export, by its real path. */
    private static boolean isRegularInside(Path realRoot, Path file) {
        try {
            return FileKinds.regularInside(realRoot, file) != null;
        } catch (IOException | RefusedFileException e) {
            return false;
        }
    }

    @Override
    public List<ExportFile> jsonFiles() {
        return files;
    }

    @Override
    public InputStream open(ExportFile file) throws IOException {
        return Files.newInputStream(Path.of(file.locator()));
    }

    @Override
    public StoredMedia find(String uri) throws IOException {
        if (root == null) {
            return null;
        }
        Path file = root.resolve(uri).normalize();
        if (!file.startsWith(root)) {
            return null;
        }
        // Every folder on the way counts, not only the last name: media/ may be a link to elsewhere.
        Path real = FileKinds.regularInside(realRoot, file);
        if (real == null) {
            return null;
        }
        BasicFileAttributes attrs = FileKinds.attributes(real);
        return new StoredMedia(new MediaLocation.LocalFile(file), attrs.size(), attrs.lastModifiedTime().toMillis());
    }

    @Override
    public void close() {
        // nothing is held open between reads
    }
}
