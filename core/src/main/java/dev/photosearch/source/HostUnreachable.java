package dev.photosearch.source;

/**
 * The server could not be reached at all (unknown host, refused connection, no route): the network is down or
 * blocked, so the run stops at once instead of retrying for minutes. The message is one line.
 */
public final class HostUnreachable extends SourceException {

    HostUnreachable(String host, String reason, Throwable cause) {
        super("cannot reach " + host + ": " + reason, cause);
    }
}
