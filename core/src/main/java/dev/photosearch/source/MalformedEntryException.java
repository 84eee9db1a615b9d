package dev.photosearch.source;

/** One entry of a source has an unexpected shape; the importer skips it and counts the message as reason. */
final class MalformedEntryException extends RuntimeException {
    MalformedEntryException(String reason) {
        super(reason, null, false, false);
    }
}
