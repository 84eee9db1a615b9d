package dev.photosearch.index;

import java.util.List;

/**
 * A page of photos listed without a query.
 *
 * @param total how many photos the filter lets through
 * @param ids   the page's photos, in order
 */
public record Listing(int total, List<String> ids) {
    public Listing {
        ids = List.copyOf(ids);
    }
}
