package dev.photosearch.search;

import java.util.Map;

/**
 * The most recent result pages of one point-in-time view of the index, keyed by the whole normalised request and
 * what was read in its query: a page asked again (a reload, the same words from someone else, going back a page)
 * costs a map look-up. A page is only ever answered for the view it was computed on; the first request on a newer
 * view (after indexing) empties it. Thread-safe.
 */
final class ResultPages {

    /** A request and the dates and place read in it ("yesterday" is another day tomorrow). */
    private record Asked(SearchRequest request, Interpretation reading) {}

    private final Map<Asked, SearchResults> pages;
    private Object view;

    ResultPages(int capacity) {
        this.pages = new RecentlyUsed<>(capacity);
    }

    /** The page computed for {@code request} read as {@code reading} on this view of the index, or null. */
    synchronized SearchResults get(Object version, SearchRequest request, Interpretation reading) {
        forgetOtherViews(version);
        return pages.get(new Asked(request, reading));
    }

    /** Remembers the page computed for {@code request} read as {@code reading} on this view of the index. */
    synchronized void put(Object version, SearchRequest request, Interpretation reading, SearchResults results) {
        forgetOtherViews(version);
        pages.put(new Asked(request, reading), results);
    }

    private void forgetOtherViews(Object version) {
        if (!version.equals(view)) {
            pages.clear();
            view = version;
        }
    }
}
