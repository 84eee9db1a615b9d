package dev.photosearch.source;

import java.net.URI;
import java.nio.file.Path;

/** Where the bytes of a photo can be read from. */
public sealed interface MediaLocation {

    /** A file on this machine. */
    record LocalFile(Path file) implements MediaLocation {}

    /** An entry inside a zip archive (an Instagram export that was not extracted). */
    record ZipEntry(Path zip, String entry) implements MediaLocation {}

    /** A remote image, fetched over HTTP(S). */
    record Remote(URI url) implements MediaLocation {}
}
