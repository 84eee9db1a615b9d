package dev.photosearch.search;

import java.util.Map;

/**
 * The most recent result pages of one point-in-time view of the index, keyed by the whole normalised request: a page
 * asked again (a reload, the same words from someone else, going back a page) costs a map look-up. A page is only
 * ever answered for the view it was computed on; the first request on a newer view (after indexing) empties it.
 * Thread-safe.
 */
final class ResultPages {

    private final Map<SearchRequest, SearchResults> pages;
    private Object view;

    ResultPages(int capacity) {
        this.pages = new RecentlyUsed<>(capacity);
    }

    /** The page computed for {@code request} on this view of the index, or null. */
    synchronized SearchResults get(Object version, SearchRequest request) {
        forgetOtherViews(version);
        return pages.get(request);
    }

    /** Remembers the page computed for {@code request} on this view of the index. */
    synchronized void put(Object version, SearchRequest request, SearchResults results) {
        forgetOtherViews(version);
        pages.put(request, results);
    }

    private void forgetOtherViews(Object version) {
        if (!version.equals(view)) {
            pages.clear();
            view = version;
        }
    }
}
