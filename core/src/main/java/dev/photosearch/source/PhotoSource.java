package dev.photosearch.source;

import java.io.IOException;

/** A collection of photos: a folder, an Instagram export, a scraper dump, a URL list... */
public interface PhotoSource {

    /** A stable key naming this source, e.g. {@code folder:/home/ann/Pictures}; stored with each photo. */
    String key();

    /** Reads the whole source. Throws {@link SourceException} with a clear message on malformed input. */
    Scan scan() throws IOException;
}
