package dev.photosearch.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A profile read the way Instagram's web app reads it today. Without a login: the newest posts that
 * {@code web_profile_info} bundles, then a clear stop saying older posts need one. With a session cookie: the
 * profile's numeric id (kept in the store, so it is looked up once), then pages of the v1 feed, going on through
 * the GraphQL timeline when the feed stops working. Posts come as v1 items or, from {@code web_profile_info},
 * GraphQL nodes; {@link InstagramPosts} reads both.
 */
final class WebProfileFeed implements PostFeed {

    private static final Logger LOG = LoggerFactory.getLogger(WebProfileFeed.class);

    private final InstagramAccount account;
    private final WebAppClient client;
    private final DocIds docIds;
    private final CollectionStore store;
    private List<PostRoute> routes;
    private int route;

    WebProfileFeed(InstagramAccount account, WebAppClient client, DocIds docIds, CollectionStore store) {
        this.account = account;
        this.client = client;
        this.docIds = docIds;
        this.store = store;
    }

    @Override
    public Page first() throws IOException {
        if (client.loggedIn()) {
            return walk(null);
        }
        if (account.username() == null) {
            throw new SourceException(account + ": a profile given by its id can only be read with a login; pass a"
                    + " session cookie with --instagram-cookies FILE, or give the username");
        }
        AccountLookup.Profile profile;
        try {
            profile = new AccountLookup(client, account.username()).profile();
        } catch (RouteFailed e) {
            throw CollectionStopped.loginRequired("without a login web_profile_info is the only way to the posts,"
                    + " and " + e.getMessage(), false);
        }
        store.saveUserId(profile.id());
        JsonNode timeline = profile.timeline();
        if (profile.isPrivate() && (timeline == null || timeline.path("edges").isEmpty())) {
            throw CollectionStopped.loginRequired("@" + account.username() + " is private", false);
        }
        if (timeline == null) {
            throw new SourceException("Instagram's answer does not have the expected shape (no"
                    + " \"edge_owner_to_timeline_media\"); it may have changed its web pages");
        }
        return bundledPage(timeline);
    }

    @Override
    public Page next(String cursor) throws IOException {
        if (!client.loggedIn()) {
            throw CollectionStopped.olderPostsNeedLogin(account.username());
        }
        return walk(cursor);
    }

    /** The page at {@code cursor} by the first route that still works. */
    private Page walk(String cursor) throws IOException {
        List<PostRoute> all = routes();
        RouteFailed last = null;
        for (; route < all.size(); route++) {
            try {
                return all.get(route).page(cursor);
            } catch (RouteFailed e) {
                LOG.info("{}: {}; trying the next way", account, e.getMessage());
                last = e;
            }
        }
        throw CollectionStopped.noRouteLeft(last == null ? "none left" : last.getMessage());
    }

    private List<PostRoute> routes() throws IOException {
        if (routes == null) {
            routes = List.of(new FeedRoute(client, userId()),
                    new TimelineRoute(client, account.username(), docIds.get(DocIds.POSTS)));
        }
        return routes;
    }

    /** The numeric id: given, kept from an earlier run, or looked up (and kept). */
    private String userId() throws IOException {
        if (account.id() != null) {
            return account.id();
        }
        String id = store.readUserId();
        if (id == null) {
            id = new AccountLookup(client, account.username()).id();
            store.saveUserId(id);
        }
        return id;
    }

    /** Logged in: {@code /api/v1/media/{pk}/info/}. Without a login single posts cannot be asked for. */
    @Override
    public JsonNode fetch(String key, JsonNode stored) throws IOException {
        if (!client.loggedIn()) {
            throw CollectionStopped.loginRequired("posts older than the newest page can only be fetched again with"
                    + " a login", false);
        }
        PoliteHttp.Answer answer = client.get("/api/v1/media/" + InstagramPosts.mediaId(key, stored) + "/info/");
        if (answer.status() == 404) {
            return null;
        }
        JsonNode items = WebAnswers.check(answer, true).path("items");
        return items.isArray() && !items.isEmpty() && items.get(0).isObject() ? items.get(0) : null;
    }

    @Override
    public String keyOf(JsonNode post) {
        return InstagramPosts.key(post);
    }

    @Override
    public boolean pinned(JsonNode post) {
        return InstagramPosts.pinned(post);
    }

    @Override
    public GraphPost parse(JsonNode post) {
        return InstagramPosts.parse(post);
    }

    @Override
    public int requests() {
        return client.requests();
    }

    /** The posts {@code web_profile_info} bundles, in the GraphQL node shape. */
    private static Page bundledPage(JsonNode timeline) {
        List<JsonNode> posts = new ArrayList<>();
        for (JsonNode edge : timeline.path("edges")) {
            posts.add(edge.has("node") ? edge.get("node") : edge);
        }
        JsonNode pageInfo = timeline.path("page_info");
        String cursor = pageInfo.path("end_cursor").asText("");
        boolean more = pageInfo.path("has_next_page").asBoolean(false) && !cursor.isEmpty();
        return new Page(posts, more ? cursor : null);
    }
}
