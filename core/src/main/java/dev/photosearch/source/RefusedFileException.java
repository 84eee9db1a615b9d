package dev.photosearch.source;

/**
 * A file named by a source that is not read, for safety: its real path leaves the source's real root, or it is no
 * regular file. Importers skip it and count a reason.
 */
final class RefusedFileException extends RuntimeException {

    private final String kind;

    /** @param kind what the file is ("a FIFO (named pipe)"...), or null when it is refused for leading out */
    private RefusedFileException(String kind) {
        super(kind == null ? "leads out of its source" : "is " + kind, null, false, false);
        this.kind = kind;
    }

    static RefusedFileException leadsOut() {
        return new RefusedFileException(null);
    }

    static RefusedFileException notRegular(String kind) {
        return new RefusedFileException(kind);
    }

    /** Whether the real path leaves the root; else the file is no regular file. */
    boolean leadsOutOfRoot() {
        return kind == null;
    }

    /** What the file is, when it is no regular file: "a folder", "a FIFO (named pipe)"... */
    String kind() {
        return kind;
    }
}
