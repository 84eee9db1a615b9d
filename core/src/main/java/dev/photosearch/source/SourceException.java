package dev.photosearch.source;

import java.io.IOException;

/** A source that cannot be read as what it claims to be; the message is meant for the user. */
public class SourceException extends IOException {
    public SourceException(String message) {
        super(message);
    }

    public SourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
