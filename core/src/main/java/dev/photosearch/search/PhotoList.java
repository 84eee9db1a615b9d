package dev.photosearch.search;

import dev.photosearch.index.IndexedPhoto;
import java.util.List;

/**
 * A page of a collection listed without a query.
 *
 * @param total  how many photos the filter lets through
 * @param photos the page, in the order asked
 * @param tookMs time spent
 */
public record PhotoList(int total, List<IndexedPhoto> photos, long tookMs) {
    public PhotoList {
        photos = List.copyOf(photos);
    }
}
