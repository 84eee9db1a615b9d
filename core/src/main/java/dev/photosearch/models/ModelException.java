package dev.photosearch.models;

import java.io.IOException;

/** A model could not be installed, found or verified; the message is one line for people. */
public final class ModelException extends IOException {
    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
