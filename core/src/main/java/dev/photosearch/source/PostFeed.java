package dev.photosearch.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;

/** An account's posts as Instagram serves them, page by page, newest first: public web pages or the official API. */
interface PostFeed {

    /**
     * One page of posts.
     *
     * @param posts      the posts as Instagram gave them
     * @param nextCursor where the following page starts; null on the last page
     */
    record Page(List<JsonNode> posts, String nextCursor) {
        public Page {
            posts = List.copyOf(posts);
        }
    }

    /** The newest posts. */
    Page first() throws IOException;

    /** The page that starts at {@code cursor}; only called after {@link #first()}. */
    Page next(String cursor) throws IOException;

    /** The current version of a stored post; null when it was deleted. */
    JsonNode fetch(String key, JsonNode stored) throws IOException;

    /** The key a post is stored under; throws {@link MalformedEntryException} when it has none. */
    String keyOf(JsonNode post);

    /** Whether the post is pinned to the top of the profile, so meeting it says nothing about what is older. */
    boolean pinned(JsonNode post);

    /** Reads a stored post; throws {@link MalformedEntryException} on the wrong shape. */
    GraphPost parse(JsonNode post);

    /** Requests sent so far. */
    int requests();
}
