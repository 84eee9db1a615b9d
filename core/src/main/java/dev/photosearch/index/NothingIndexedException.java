package dev.photosearch.index;

import java.io.IOException;

/** The store has nothing to read yet: no photo was ever committed to it. */
public final class NothingIndexedException extends IOException {

    /** {@code where} says which store, as {@link PhotoStore#describe} does. */
    public NothingIndexedException(String where, Throwable cause) {
        super("nothing indexed in " + where + " yet: run 'photosearch index SOURCE' first", cause);
    }
}
