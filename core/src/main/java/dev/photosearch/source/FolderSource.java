package dev.photosearch.source;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A folder of image files, walked recursively. Hidden files and folders are ignored; symbolic links are
 * followed only when they point at a file inside the folder.
 */
public final class FolderSource implements PhotoSource {

    private final Path root;

    public FolderSource(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public String key() {
        return "folder:" + root;
    }

    @Override
    public Scan scan() throws IOException {
        ScanCollector scan = new ScanCollector();
        Path realRoot = root.toRealPath();
        List<Path> images = new ArrayList<>();
        // From the real root: a walk started at a symbolic link would see the link, not the folder behind it.
        Files.walkFileTree(realRoot, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(realRoot) && isHidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (!isHidden(file)) {
                    consider(file, attrs, realRoot, images, scan);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                scan.skip("unreadable");
                return FileVisitResult.CONTINUE;
            }
        });
        images.sort(null); // walk order depends on the file system; keep scans reproducible
        for (Path file : images) {
            scan.add(photo(root.resolve(realRoot.relativize(file))));
        }
        return scan.build(key());
    }

    private static void consider(Path file, BasicFileAttributes attrs, Path realRoot, List<Path> images,
                                 ScanCollector scan) {
        String refused = refusal(file, attrs, realRoot);
        if (refused != null) {
            scan.skip(refused);
            return;
        }
        String ext = MediaTypes.extension(file.getFileName().toString());
        if (MediaTypes.IMAGE_EXTENSIONS.contains(ext)) {
            images.add(file);
        } else {
            scan.skip(ext.isEmpty() ? "not an image (no extension)" : "not an image (." + ext + ")");
        }
    }

    /** Why a file is not read (a FIFO, a link leading out...), from its attributes and real path; null when it is. */
    private static String refusal(Path file, BasicFileAttributes attrs, Path realRoot) {
        try {
            if (attrs.isSymbolicLink()) {
                Path target = FileKinds.regularInside(realRoot, file);
                return target == null ? "broken symbolic link" : null;
            }
            return attrs.isRegularFile() ? null : "not a regular file: " + FileKinds.describe(file) + ", not read";
        } catch (RefusedFileException e) {
            return e.leadsOutOfRoot() ? "symbolic link leading out of the folder"
                    : "symbolic link to " + e.kind() + " (not followed)";
        } catch (IOException e) {
            return "unreadable";
        }
    }

    private Photo photo(Path file) {
        String path = relativePath(file);
        MediaLocation media = new MediaLocation.LocalFile(file);
        String fingerprint = new Fingerprint().add("path", path).addMedia(media).hash();
        return new Photo(Photo.idFor(key(), path), key(), path, media, null, null, "", List.of(), List.of(),
                "", "", false, Map.of(), fingerprint);
    }

    private String relativePath(Path file) {
        return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    private static boolean isHidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }
}
