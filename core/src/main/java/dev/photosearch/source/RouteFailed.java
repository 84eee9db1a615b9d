package dev.photosearch.source;

/**
 * One way of asking Instagram no longer works (a retired query id, an endpoint that answers 400 or another shape):
 * the caller tries the next way. The message says what failed, and for a retired query id how to pass a newer one.
 */
final class RouteFailed extends SourceException {

    RouteFailed(String message) {
        super(message);
    }
}
