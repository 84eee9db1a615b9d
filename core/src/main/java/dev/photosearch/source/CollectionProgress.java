package dev.photosearch.source;

/** Told after each page a live collection stores and each post a refresh stores, so long work shows it moves. */
@FunctionalInterface
public interface CollectionProgress {

    /** Reports nothing. */
    CollectionProgress NONE = (account, posts, requests) -> { };

    /**
     * @param account  the source's key, e.g. {@code instagram:nasa}
     * @param posts    posts stored so far by this run
     * @param requests requests made so far by this run
     */
    void stored(String account, int posts, int requests);
}
