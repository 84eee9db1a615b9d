package dev.photosearch.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The v1 feed of a user, the web app's main route when logged in: {@code GET /api/v1/feed/user/{pk}/?count=12
 * [&max_id=...]}, answered with {@code items[]}, {@code more_available} and {@code next_max_id}.
 */
final class FeedRoute implements PostRoute {

    private final WebAppClient client;
    private final String userId;

    FeedRoute(WebAppClient client, String userId) {
        this.client = client;
        this.userId = userId;
    }

    @Override
    public PostFeed.Page page(String cursor) throws IOException {
        String path = "/api/v1/feed/user/" + userId + "/?count=" + PAGE_SIZE
                + (cursor == null ? "" : "&max_id=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        JsonNode json = WebAnswers.check(client.get(path), client.loggedIn());
        JsonNode items = json.get("items");
        if (items == null || !items.isArray()) {
            throw new RouteFailed("the user feed answered without \"items\"");
        }
        List<JsonNode> posts = new ArrayList<>();
        items.forEach(posts::add);
        String next = json.path("next_max_id").isValueNode() ? json.path("next_max_id").asText("") : "";
        boolean more = json.path("more_available").asBoolean(false) && !next.isEmpty() && !posts.isEmpty();
        return new PostFeed.Page(posts, more ? next : null);
    }
}
