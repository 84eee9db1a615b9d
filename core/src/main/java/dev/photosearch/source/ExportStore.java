package dev.photosearch.source;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** The files of one Instagram export, wherever they are kept: an extracted folder or a zip. */
interface ExportStore extends Closeable {

    /** Opens an export store; may fail with a {@link SourceException} when the export is not usable. */
    @FunctionalInterface
    interface Opener {
        ExportStore open() throws IOException;
    }

    /** The JSON files listing photos, in reading order. */
    List<ExportFile> jsonFiles();

    InputStream open(ExportFile file) throws IOException;

    /** The media file at a {@link ExportUris#isSafe safe} uri relative to the export root; null when absent. */
    StoredMedia find(String uri) throws IOException;
}
