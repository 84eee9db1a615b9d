package dev.photosearch.media;

import dev.photosearch.source.MediaLocation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Reads the encoded bytes of a photo from wherever its source keeps them, never more than the byte limit. */
final class MediaBytes {

    private final long maxBytes;
    private final HttpFetcher http;

    MediaBytes(long maxBytes, HttpFetcher http) {
        this.maxBytes = maxBytes;
        this.http = http;
    }

    byte[] read(MediaLocation location) throws MediaProblem {
        if (location instanceof MediaLocation.Remote remote) {
            return http.fetch(remote.url());
        }
        try {
            if (location instanceof MediaLocation.LocalFile local) {
                return readFile(local.file());
            }
            MediaLocation.ZipEntry entry = (MediaLocation.ZipEntry) location;
            return readZipEntry(entry.zip(), entry.entry());
        } catch (NoSuchFileException e) {
            throw MediaProblem.missing();
        } catch (AccessDeniedException e) {
            throw MediaProblem.unreadable("access denied");
        } catch (IOException e) {
            throw MediaProblem.unreadable(String.valueOf(e.getMessage()));
        }
    }

    /** Checks the type of the real file without following links before opening it: a FIFO would block the read. */
    private byte[] readFile(Path file) throws IOException, MediaProblem {
        Path real = file.toRealPath();
        BasicFileAttributes attrs = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attrs.isRegularFile()) {
            throw attrs.isDirectory() ? MediaProblem.missing() : MediaProblem.notRegularFile();
        }
        if (attrs.size() > maxBytes) {
            throw MediaProblem.tooManyBytes(maxBytes);
        }
        try (InputStream in = Files.newInputStream(real, LinkOption.NOFOLLOW_LINKS)) {
            return readCapped(in);
        }
    }

    private byte[] readZipEntry(Path zip, String name) throws IOException, MediaProblem {
        if (!Files.isRegularFile(zip)) {
            throw Files.exists(zip) ? MediaProblem.notRegularFile() : MediaProblem.missing();
        }
        try (ZipFile file = new ZipFile(zip.toFile())) {
            ZipEntry entry = file.getEntry(name);
            if (entry == null || entry.isDirectory()) {
                throw MediaProblem.missing();
            }
            if (entry.getSize() > maxBytes) {
                throw MediaProblem.tooManyBytes(maxBytes);
            }
            try (InputStream in = file.getInputStream(entry)) {
                return readCapped(in);
            }
        }
    }

    /** The declared size can lie (a zip bomb, a growing file): count what actually arrives. */
    private byte[] readCapped(InputStream in) throws IOException, MediaProblem {
        byte[] bytes = in.readNBytes((int) maxBytes + 1);
        if (bytes.length > maxBytes) {
            throw MediaProblem.tooManyBytes(maxBytes);
        }
        return bytes;
    }
}
