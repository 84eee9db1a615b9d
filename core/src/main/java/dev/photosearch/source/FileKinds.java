package dev.photosearch.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Checks what a file really is, on its real path and without following links, before anything opens it: reading a
 * FIFO blocks forever, and a device or socket is no photo collection.
 */
final class FileKinds {

    // File type bits of st_mode (stat(2)), read through the "unix" attribute view where the platform has it.
    private static final int TYPE_MASK = 0170000;
    private static final int FIFO = 0010000;
    private static final int CHARACTER_DEVICE = 0020000;
    private static final int BLOCK_DEVICE = 0060000;
    private static final int SOCKET = 0140000;

    private FileKinds() {}

    /** The attributes of the file itself, a link not followed. */
    static BasicFileAttributes attributes(Path path) throws IOException {
        return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }

    /** "a folder", "a regular file", "a FIFO (named pipe)", "a character device"...: what the user is told. */
    static String describe(Path path) throws IOException {
        BasicFileAttributes attrs = attributes(path);
        if (attrs.isDirectory()) {
            return "a folder";
        }
        if (attrs.isRegularFile()) {
            return "a regular file";
        }
        if (attrs.isSymbolicLink()) {
            return "a symbolic link";
        }
        return special(path);
    }

    private static String special(Path path) {
        int mode;
        try {
            mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "a special file";
        }
        return switch (mode & TYPE_MASK) {
            case FIFO -> "a FIFO (named pipe)";
            case CHARACTER_DEVICE -> "a character device";
            case BLOCK_DEVICE -> "a block device";
            case SOCKET -> "a socket";
            default -> "a special file";
        };
    }

    /**
     * The real path of {@code file} when it is a regular file inside {@code realRoot}; null when there is no such
     * file (or a broken link).
     *
     * @throws RefusedFileException when its real path leaves the root or it is not a regular file
     */
    static Path regularInside(Path realRoot, Path file) throws IOException {
        Path real;
        try {
            real = file.toRealPath();
        } catch (NoSuchFileException e) {
            return null;
        }
        if (!real.startsWith(realRoot)) {
            throw RefusedFileException.leadsOut();
        }
        if (!attributes(real).isRegularFile()) {
            throw RefusedFileException.notRegular(describe(real));
        }
        return real;
    }
}
