package dev.photosearch.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A public profile read the way Instagram's web app reads it: {@code web_profile_info} for the profile and its
 * newest posts, then GraphQL pages of {@code edge_owner_to_timeline_media}. Posts come in the GraphQL shape that
 * {@link GraphNodeParser} reads.
 */
final class WebProfileFeed implements PostFeed {

    /** The web app's id, which Instagram expects in a header on its API calls. */
    static final String WEB_APP_ID = "936619743392459";
    /** GraphQL queries of the web app (profile posts, one post); Instagram changes them from time to time. */
    static final String POSTS_QUERY = "003056d32c2554def87228bc3fd9668a";
    static final String POST_QUERY = "2b0673e0dc4580674a88d426fe00ea90";
    private static final int PAGE_SIZE = 12;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._]{1,30}");

    private final String username;
    private final URI base;
    private final SessionCookie cookie;
    private final PoliteHttp http;
    private String userId;

    WebProfileFeed(String username, URI base, SessionCookie cookie, PoliteHttp http) throws SourceException {
        if (!USERNAME.matcher(username).matches()) {
            throw new SourceException("\"" + username + "\" is not an Instagram username (letters, digits, '.' and"
                    + " '_', at most 30)");
        }
        this.username = username.toLowerCase(Locale.ROOT);
        this.base = base;
        this.cookie = cookie;
        this.http = http;
    }

    @Override
    public Page first() throws IOException {
        PoliteHttp.Answer answer = get("/api/v1/users/web_profile_info/?username=" + username);
        if (answer.status() == 404) {
            throw new SourceException("Instagram has no profile named \"" + username + "\"");
        }
        JsonNode user = check(answer).path("data").path("user");
        if (!user.isObject()) {
            throw new SourceException("Instagram has no profile named \"" + username + "\"");
        }
        return shaped(() -> {
            userId = JsonFields.scalar(user, "id");
            JsonNode media = JsonFields.object(user, "edge_owner_to_timeline_media");
            if (JsonFields.flag(user, "is_private") && (media == null || media.path("edges").isEmpty())) {
                throw CollectionStopped.loginRequired("@" + username + " is private");
            }
            return page(media);
        });
    }

    @Override
    public Page next(String cursor) throws IOException {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("id", userId);
        variables.put("first", PAGE_SIZE);
        variables.put("after", cursor);
        JsonNode json = check(get(query(POSTS_QUERY, variables)));
        return shaped(() -> page(JsonFields.object(json.path("data").path("user"), "edge_owner_to_timeline_media")));
    }

    @Override
    public JsonNode fetch(String key, JsonNode stored) throws IOException {
        PoliteHttp.Answer answer = get(query(POST_QUERY, Map.of("shortcode", key)));
        if (answer.status() == 404) {
            return null;
        }
        JsonNode data = check(answer).path("data");
        JsonNode post = data.has("xdt_shortcode_media") ? data.get("xdt_shortcode_media") : data.get("shortcode_media");
        return post == null || !post.isObject() ? null : post;
    }

    @Override
    public String keyOf(JsonNode post) {
        String shortcode = JsonFields.text(post, "shortcode");
        if (shortcode == null || shortcode.isBlank()) {
            throw new MalformedEntryException("post without \"shortcode\"");
        }
        return shortcode;
    }

    @Override
    public boolean pinned(JsonNode post) {
        return post.path("pinned_for_users").size() > 0 || post.path("is_pinned").asBoolean(false);
    }

    @Override
    public GraphPost parse(JsonNode post) {
        return GraphNodeParser.parse(post);
    }

    @Override
    public int requests() {
        return http.sent();
    }

    private static Page page(JsonNode media) {
        if (media == null) {
            throw new MalformedEntryException("no \"edge_owner_to_timeline_media\"");
        }
        List<JsonNode> posts = new ArrayList<>();
        JsonNode edges = JsonFields.array(media, "edges");
        if (edges != null) {
            for (JsonNode edge : edges) {
                JsonNode node = edge.get("node");
                posts.add(node == null ? edge : node);
            }
        }
        JsonNode pageInfo = JsonFields.object(media, "page_info");
        boolean more = JsonFields.flag(pageInfo, "has_next_page");
        String cursor = JsonFields.text(pageInfo, "end_cursor");
        return new Page(posts, more && cursor != null && !cursor.isEmpty() ? cursor : null);
    }

    /** Runs a reading of Instagram's JSON, turning a wrong shape into a clear error. */
    private static Page shaped(ShapedRead read) throws SourceException {
        try {
            return read.get();
        } catch (MalformedEntryException e) {
            throw new SourceException("Instagram's answer does not have the expected shape (" + e.getMessage()
                    + "); it may have changed its web pages");
        }
    }

    @FunctionalInterface
    private interface ShapedRead {
        Page get() throws SourceException;
    }

    private String query(String hash, Map<String, ?> variables) throws IOException {
        String json = JsonInput.MAPPER.writeValueAsString(variables);
        return "/graphql/query/?query_hash=" + hash + "&variables=" + URLEncoder.encode(json, StandardCharsets.UTF_8);
    }

    private PoliteHttp.Answer get(String pathAndQuery) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-IG-App-ID", WEB_APP_ID);
        headers.put("X-Requested-With", "XMLHttpRequest");
        headers.put("Referer", base.resolve("/" + username + "/").toString());
        if (cookie != null) {
            headers.put("Cookie", cookie.header());
        }
        return http.get(base.resolve(pathAndQuery), headers);
    }

    /** The JSON of a usable answer; a {@link CollectionStopped} for a login wall, a clear error otherwise. */
    private static JsonNode check(PoliteHttp.Answer answer) throws SourceException {
        JsonNode json = answer.json();
        String location = answer.location() == null ? "" : answer.location();
        if (answer.status() / 100 == 3) {
            if (location.contains("/accounts/login") || location.contains("/challenge")) {
                throw CollectionStopped.loginRequired("redirected to the login page");
            }
            throw new SourceException("Instagram redirected to " + location + " instead of answering");
        }
        String message = json == null ? "" : json.path("message").asText("");
        if (json != null && (json.path("require_login").asBoolean(false) || json.has("checkpoint_url")
                || message.contains("checkpoint_required") || message.contains("login_required"))) {
            throw CollectionStopped.loginRequired(message.isEmpty() ? "login required" : message);
        }
        if (answer.status() == 401 || answer.status() == 403) {
            throw CollectionStopped.loginRequired("HTTP " + answer.status());
        }
        if (!answer.ok() || json == null || "fail".equals(json.path("status").asText())) {
            throw new SourceException("Instagram answered HTTP " + answer.status()
                    + (message.isEmpty() ? "" : ": " + message));
        }
        return json;
    }
}
