package dev.photosearch.index;

import java.io.Closeable;
import java.io.IOException;

/** The read side of a {@link PhotoStore}: hands out views, and makes newer commits visible. Thread-safe. */
public interface StoreReader extends Closeable {

    /** Makes the latest commit visible to the views opened after this returns. */
    void refresh() throws IOException;

    /** A view for one search or one listing; close it when done. */
    StoreView view() throws IOException;
}
