package dev.photosearch.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The profile timeline through the web app's GraphQL: {@code POST /graphql/query/} with {@code doc_id},
 * {@code variables} and {@code server_timestamps}, answered in
 * {@code data.xdt_api__v1__feed__user_timeline_graphql_connection} ({@code edges[].node} are v1 items).
 * A retired doc_id (a 200 with {@code data: null} and {@code errors}, or 401 "please wait" twice) fails the route
 * with how to pass a newer one.
 */
final class TimelineRoute implements PostRoute {

    static final String CONNECTION = "xdt_api__v1__feed__user_timeline_graphql_connection";

    private final WebAppClient client;
    private final String username;
    private final String docId;

    TimelineRoute(WebAppClient client, String username, String docId) {
        this.client = client;
        this.username = username;
        this.docId = docId;
    }

    @Override
    public PostFeed.Page page(String cursor) throws IOException {
        if (username == null) {
            throw new RouteFailed("the GraphQL timeline needs the username, not only the id");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("doc_id", docId);
        form.put("variables", JsonInput.MAPPER.writeValueAsString(variables(cursor)));
        form.put("server_timestamps", "true");
        PoliteHttp.Answer answer;
        try {
            answer = client.post("/graphql/query/", form);
        } catch (RouteFailed e) {
            throw retired(e.getMessage());
        }
        JsonNode json = answer.json();
        if (answer.ok() && json != null && json.path("data").isNull() && json.path("errors").isArray()) {
            throw retired("Instagram answered data: null with the error \""
                    + json.path("errors").path(0).path("message").asText("") + "\"");
        }
        JsonNode connection = WebAnswers.check(answer, client.loggedIn()).path("data").path(CONNECTION);
        if (!connection.isObject() || !connection.path("edges").isArray()) {
            throw new RouteFailed("the GraphQL timeline answered without \"" + CONNECTION + ".edges\"");
        }
        List<JsonNode> posts = new ArrayList<>();
        for (JsonNode edge : connection.path("edges")) {
            posts.add(edge.has("node") ? edge.get("node") : edge);
        }
        JsonNode pageInfo = connection.path("page_info");
        String next = pageInfo.path("end_cursor").asText("");
        boolean more = pageInfo.path("has_next_page").asBoolean(false) && !next.isEmpty() && !posts.isEmpty();
        return new PostFeed.Page(posts, more ? next : null);
    }

    private ObjectNode variables(String cursor) {
        ObjectNode variables = JsonInput.MAPPER.createObjectNode();
        variables.putObject("data").put("count", PAGE_SIZE).put("include_relationship_info", true)
                .put("latest_besties_reel_media", true).put("latest_reel_media", true);
        variables.put("username", username);
        variables.put("__relay_internal__pv__PolarisFeedShareMenurelayprovider", false);
        if (cursor != null) {
            variables.put("after", cursor).putNull("before");
            variables.put("first", PAGE_SIZE).putNull("last");
        }
        return variables;
    }

    private RouteFailed retired(String detail) {
        return new RouteFailed("the posts query doc_id " + docId + " no longer works (" + detail + "); pass a newer"
                + " one with --instagram-doc-id " + DocIds.POSTS + "=ID or " + DocIds.ENV + "="
                + DocIds.POSTS + "=ID");
    }
}
