package dev.photosearch.api;

import dev.photosearch.source.Photo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The folder a photo's source may serve files from: the source folder, or for a source given as a file (an export's
 * posts_1.json, a zip) the folder its media paths are relative to, provided that folder holds the source file.
 */
final class SourceRoot {

    /** An export's media folder is at most this far above its JSON file's folder (your_instagram_activity/content). */
    private static final int MAX_LEVELS_UP = 3;

    private SourceRoot() {}

    /** The source's own path from its key ("folder:/home/ann/Pictures" → /home/ann/Pictures); empty for URLs. */
    static Optional<Path> sourcePath(String sourceKey) {
        int colon = sourceKey.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        try {
            Path path = Path.of(sourceKey.substring(colon + 1));
            return path.isAbsolute() ? Optional.of(path.normalize()) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /**
     * True when {@code file} really (symbolic links followed) lies inside the root of the photo's source; false
     * when it does not, cannot be resolved, or the source has no folder.
     */
    static boolean contains(Photo photo, Path file) {
        Optional<Path> source = sourcePath(photo.source());
        if (source.isEmpty()) {
            return false;
        }
        Path sourcePath = source.get();
        Path normal = file.toAbsolutePath().normalize();
        if (Files.isDirectory(sourcePath)) {
            return inside(normal, sourcePath);
        }
        Path root = sourcePath.getParent();
        Path implied = impliedRoot(normal, photo.path());
        if (!normal.startsWith(root) && implied != null && root.startsWith(implied)
                && root.getNameCount() - implied.getNameCount() <= MAX_LEVELS_UP) {
            root = implied;
        }
        return inside(normal, root);
    }

    /** True when {@code path} and {@code root} both exist and the real path is under the real root. */
    static boolean inside(Path path, Path root) {
        try {
            return root != null && path.toRealPath().startsWith(root.toRealPath());
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /** "/x/export/media/a.jpg" with relative path "media/a.jpg" → "/x/export"; null when it does not end so. */
    private static Path impliedRoot(Path file, String relative) {
        try {
            Path rel = Path.of(relative).normalize();
            if (rel.isAbsolute() || rel.startsWith("..") || !file.endsWith(rel)) {
                return null;
            }
            Path root = file;
            for (int i = 0; i < rel.getNameCount() && root != null; i++) {
                root = root.getParent();
            }
            return root;
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
