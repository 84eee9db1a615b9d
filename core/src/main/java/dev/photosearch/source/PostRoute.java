package dev.photosearch.source;

import java.io.IOException;

/**
 * One way of reading a profile's posts page by page: the v1 feed or the GraphQL timeline. Both answer v1 items
 * and opaque cursors, so a walk can go on by another route when one stops working.
 */
interface PostRoute {

    /** Posts per page, as the web app asks. */
    int PAGE_SIZE = 12;

    /** The page starting at {@code cursor} (null: the newest); {@link RouteFailed} when this route does not work. */
    PostFeed.Page page(String cursor) throws IOException;
}
