package dev.photosearch.search;

import dev.photosearch.index.IndexedPhoto;
import dev.photosearch.index.Listing;
import dev.photosearch.index.StoreReader;
import dev.photosearch.index.StoreView;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;

/**
 * Lists a collection without a query, in date order, the same way over every store: the store pages the ids, this
 * reads their photos. Reads through the reader it is given (a searcher's, so both see the same commits); whoever
 * opened that reader closes it. Thread-safe.
 */
public final class PhotoBrowser {

    private final StoreReader reader;

    public PhotoBrowser(StoreReader reader) {
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    /** The page asked for, with how many photos the filter lets through. */
    public PhotoList list(ListRequest request) throws IOException {
        long start = System.nanoTime();
        try (StoreView view = reader.view()) {
            Listing listing = view.list(request.filter(), request.order() == ListRequest.Order.NEWEST_FIRST,
                    request.offset(), request.limit());
            Map<String, IndexedPhoto> photos = view.photos(listing.ids());
            // A store that answers each call from its latest commit may have lost a listed photo in between.
            return new PhotoList(listing.total(),
                    listing.ids().stream().map(photos::get).filter(Objects::nonNull).toList(),
                    (System.nanoTime() - start) / 1_000_000);
        }
    }
}
