package dev.photosearch.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** Builds a {@link Photo#fingerprint()} from the facts that, when changed, call for re-indexing. */
final class Fingerprint {

    private final StringBuilder text = new StringBuilder();

    Fingerprint add(String name, Object value) {
        text.append(name).append('=').append(value == null ? "" : value).append('\n');
        return this;
    }

    Fingerprint add(Instant takenAt) {
        return add("takenAt", takenAt == null ? null : takenAt.getEpochSecond());
    }

    /** Adds the entries in key order, so the map's iteration order does not matter. */
    Fingerprint add(Map<String, String> metadata) {
        new TreeMap<>(metadata).forEach((k, v) -> add("meta." + k, v));
        return this;
    }

    /** Adds size and modification time of a local file; nothing when it cannot be read. */
    Fingerprint addFile(Path file) {
        try {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return addFile(attrs.size(), attrs.lastModifiedTime().toMillis());
        } catch (IOException e) {
            return add("file", "unreadable");
        }
    }

    Fingerprint addFile(long size, long modifiedMillis) {
        return add("size", size).add("mtime", modifiedMillis);
    }

    /** Adds the file facts when {@code media} is a local file. */
    Fingerprint addMedia(MediaLocation media) {
        return media instanceof MediaLocation.LocalFile local ? addFile(local.file()) : this;
    }

    String hash() {
        return Photo.sha256(text.toString());
    }
}
