package dev.photosearch.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/**
 * Where a downloader's metadata is read from: a whole folder, or one file of it.
 *
 * @param dir        the folder photo paths are relative to
 * @param singleFile the one file to read; null to read every file below {@code dir}
 */
record MetadataRoot(Path dir, Path singleFile) {

    static MetadataRoot folder(Path dir) {
        return new MetadataRoot(dir.toAbsolutePath().normalize(), null);
    }

    static MetadataRoot file(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return new MetadataRoot(absolute.getParent(), absolute);
    }

    /** What follows the source kind in the source's key. */
    String describe() {
        return (singleFile != null ? singleFile : dir).toString();
    }

    /** Reads the file, or every file {@code wanted} names, into a scan; see {@link MetadataFiles#readEach}. */
    Scan read(String sourceKey, Predicate<String> wanted, MetadataFiles.Reader reader) throws IOException {
        ScanCollector scan = new ScanCollector();
        List<Path> files = singleFile != null ? List.of(singleFile) : MetadataFiles.all(dir, wanted);
        MetadataFiles.readEach(dir, files, singleFile != null, scan, reader);
        return scan.build(sourceKey);
    }

    /** A file's path relative to the folder. */
    String relativePath(Path file) {
        return MetadataFiles.relativePath(dir, file);
    }
}
