package dev.photosearch.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * A local stand-in for Instagram, written for these tests from the field paths documented in
 * {@code ../shared/research/instagram-2026.md} (no code or fixture of another project): {@code web_profile_info}
 * with the newest posts bundled as GraphQL nodes, {@code /web/search/topsearch/}, the profile page's
 * {@code "profile_id"}, the v1 feed {@code /api/v1/feed/user/{pk}/} and the GraphQL timeline
 * ({@code POST /graphql/query/}, {@code xdt_api__v1__feed__user_timeline_graphql_connection}) answering v1 items,
 * {@code /api/v1/media/{pk}/info/}, {@code /me/media} of the official API, and the images. Logged-in routes
 * redirect to the login page without a {@code sessionid} cookie; POSTs need the CSRF token of the current
 * {@code csrftoken} cookie, which the server rotates with {@code Set-Cookie}, and it hands out an
 * {@code x-ig-set-www-claim}. Posts are made up. Tests script failures (status, body, headers, delay) for the next
 * requests to a path.
 */
public final class FakeInstagram implements AutoCloseable {

    /** A scripted answer. */
    public record Reply(int status, String body, Map<String, String> headers, Duration delay) {
        public static Reply of(int status, String body) {
            return new Reply(status, body, Map.of(), Duration.ZERO);
        }

        public Reply withHeader(String name, String value) {
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.put(name, value);
            return new Reply(status, body, all, delay);
        }

        public static Reply slow(Duration delay) {
            return new Reply(200, "{}", Map.of(), delay);
        }
    }

    /** One request received; {@code body} is the form of a POST, empty otherwise. */
    public record Request(String method, String path, String query, Map<String, String> headers, String body) {}

    public static final String USER_ID = "1234567890";
    /** The claim and the rotated CSRF token the server hands out. */
    public static final String CLAIM = "hmac.AR3fake-claim";
    public static final String ROTATED_CSRF = "csrfRotated42";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] JPEG = jpeg();
    private static final Pattern FEED = Pattern.compile("/api/v1/feed/user/(\\d+)/");
    private static final Pattern MEDIA_INFO = Pattern.compile("/api/v1/media/(\\d+)/info/");

    private final HttpServer server;
    private final List<ObjectNode> posts = Collections.synchronizedList(new ArrayList<>());
    private final List<ObjectNode> apiMedia = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Deque<Reply>> scripts = new HashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final String username;
    private volatile int pageSize = 2;
    private volatile String token = "test-token";
    private volatile String urlVersion = "1";
    private volatile boolean privateProfile;
    private volatile String docId = DocIds.defaults().get(DocIds.POSTS);
    private long nextPk = 3_000_000_000_000_000_000L;

    public FakeInstagram(String username) throws IOException {
        this.username = username;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Options pointing at this server, with no pauses and no backoff, without a login. */
    public CollectOptions options(int budget) {
        return new CollectOptions(base(), base(), new Pacing(budget, Duration.ZERO, Duration.ZERO, 2, Duration.ZERO,
                Duration.ofSeconds(5), Duration.ofSeconds(5)), null, token);
    }

    /** The same, logged in with a session cookie written to {@code dir}. */
    public CollectOptions loggedIn(int budget, Path dir) throws IOException {
        return options(budget).withCookie(SessionCookie.read(writeCookie(dir)));
    }

    /** Writes a session cookie file of this server's account into {@code dir}. */
    public static Path writeCookie(Path dir) throws IOException {
        return Files.writeString(dir.resolve("cookie.txt"), "sessionid=" + USER_ID + "%3Asecret; csrftoken=csrf1");
    }

    public void pageSize(int size) {
        pageSize = size;
    }

    public void privateProfile(boolean value) {
        privateProfile = value;
    }

    /** From now on only this doc_id answers the timeline query; others get {@code data: null} with errors. */
    public void acceptDocId(String id) {
        docId = id;
    }

    public String token() {
        return token;
    }

    /** Image URLs end in a version, as CDN URLs carry a signature that changes when renewed. */
    public void renewUrls(String version) {
        urlVersion = version;
    }

    /** The next requests whose path (and query) starts with {@code pathPrefix} get these replies, in order. */
    public synchronized void script(String pathPrefix, Reply... replies) {
        scripts.computeIfAbsent(pathPrefix, k -> new ArrayDeque<>()).addAll(List.of(replies));
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public long requestsTo(String pathPrefix) {
        return requests.stream().filter(r -> r.path().startsWith(pathPrefix)).count();
    }

    // ---- posts, newest first, as v1 items ----

    /** Publishes a post on top of the profile. */
    public ObjectNode publish(ObjectNode post) {
        posts.add(0, post);
        return post;
    }

    public void delete(String shortcode) {
        posts.removeIf(p -> p.path("code").asText().equals(shortcode));
    }

    /** An image post; a null caption is sent as {@code caption: null}, a null alt text is left out. */
    public ObjectNode image(String shortcode, long takenAt, String caption, String alt) {
        ObjectNode item = media(shortcode, 1, alt);
        item.put("code", shortcode);
        item.put("id", item.path("pk").asText() + "_" + USER_ID);
        item.put("taken_at", takenAt);
        item.put("product_type", "feed");
        if (caption == null) {
            item.putNull("caption");
        } else {
            item.putObject("caption").put("text", caption).put("pk", nextPk++);
        }
        item.put("like_count", 42);
        item.put("comment_count", 3);
        item.putObject("user").put("pk", USER_ID).put("username", username);
        item.putNull("location");
        item.putNull("carousel_media");
        item.putArray("timeline_pinned_user_ids");
        return item;
    }

    public ObjectNode video(String shortcode, long takenAt, String caption) {
        ObjectNode item = image(shortcode, takenAt, caption, null);
        item.put("media_type", 2);
        item.set("video_versions", videoVersions(shortcode));
        return item;
    }

    /** A reel: a video of product type {@code clips}. */
    public ObjectNode reel(String shortcode, long takenAt, String caption) {
        return video(shortcode, takenAt, caption).put("product_type", "clips");
    }

    /** A carousel; a child whose name ends in "v" is a video. Each child has its own alt text. */
    public ObjectNode carousel(String shortcode, long takenAt, String caption, String... children) {
        ObjectNode item = image(shortcode, takenAt, caption, null);
        item.put("media_type", 8);
        item.remove("accessibility_caption");
        ArrayNode carousel = item.putArray("carousel_media");
        for (String child : children) {
            boolean video = child.endsWith("v");
            ObjectNode media = media(child, video ? 2 : 1, "Photo of " + child);
            if (video) {
                media.set("video_versions", videoVersions(child));
            }
            carousel.add(media);
        }
        item.set("image_versions2", carousel.get(0).get("image_versions2").deepCopy());
        return item;
    }

    /** Alt text of the post of {@link #publishFortyPosts()} that has no caption. */
    public static final String ALT_ONLY = "May be an image of a red bicycle leaning against a yellow wall";
    /** Photos of {@link #publishFortyPosts()}: 32 single posts and 8 carousels of 3. */
    public static final int FORTY_POSTS_PHOTOS = 32 + 8 * 3;

    /**
     * Publishes 40 posts C01 (oldest) to C40: every fifth a carousel of three (C05's second child a video), every
     * seventh a reel, C13 with no caption but alt text, and C01 pinned to the top.
     */
    public void publishFortyPosts() {
        for (int i = 1; i <= 40; i++) {
            String code = String.format("C%02d", i);
            long takenAt = 1_600_000_000L + i * 86_400L;
            String caption = "Day " + i + " of the year #daily";
            ObjectNode post;
            if (i % 5 == 0) {
                post = carousel(code, takenAt, caption, code + "a", code + (i == 5 ? "bv" : "b"), code + "c");
            } else if (i % 7 == 0) {
                post = reel(code, takenAt, caption);
            } else if (i == 13) {
                post = image(code, takenAt, null, ALT_ONLY);
            } else {
                post = image(code, takenAt, caption, "");
            }
            publish(i == 1 ? pin(post) : post);
        }
    }

    /** Pins a post to the top of the profile, as the v1 item says it. */
    public static ObjectNode pin(ObjectNode post) {
        post.putArray("timeline_pinned_user_ids").add(Long.parseLong(USER_ID));
        return post;
    }

    private ObjectNode media(String name, int type, String alt) {
        ObjectNode media = JSON.createObjectNode();
        media.put("pk", String.valueOf(nextPk++));
        media.put("media_type", type);
        ArrayNode candidates = media.putObject("image_versions2").putArray("candidates");
        candidates.addObject().put("width", 320).put("height", 320).put("url", imageUrl(name + "_s320"));
        candidates.addObject().put("width", 1080).put("height", 1080).put("url", imageUrl(name));
        media.putNull("video_versions");
        if (alt != null) {
            media.put("accessibility_caption", alt);
        }
        return media;
    }

    private ArrayNode videoVersions(String name) {
        ArrayNode versions = JSON.createArrayNode();
        versions.addObject().put("type", 101).put("width", 720).put("height", 1280)
                .put("url", base() + "/video/" + name + ".mp4");
        return versions;
    }

    private String imageUrl(String name) {
        return base() + "/img/" + name + ".jpg?v=" + urlVersion;
    }

    // ---- the official API's media objects ----

    public ObjectNode apiMedia(String id, String shortcode, String type, String caption, String... children) {
        ObjectNode media = JSON.createObjectNode();
        media.put("id", id);
        media.put("caption", caption);
        media.put("media_type", type);
        media.put("permalink", "https://www.instagram.com/p/" + shortcode + "/");
        media.put("timestamp", "2024-05-0" + (1 + apiMedia.size() % 9) + "T10:15:30+0000");
        if (type.equals("VIDEO")) {
            media.put("media_url", base() + "/video/" + id + ".mp4");
            media.put("thumbnail_url", imageUrl(id + "_thumb"));
        } else {
            media.put("media_url", imageUrl(id));
        }
        if (children.length > 0) {
            ArrayNode data = media.putObject("children").putArray("data");
            for (String child : children) {
                data.addObject().put("id", child).put("media_type", "IMAGE").put("media_url", imageUrl(child));
            }
        }
        apiMedia.add(0, media);
        return media;
    }

    // ---- the server ----

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery();
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Request(exchange.getRequestMethod(), path, query, headers, body));
            Reply reply = scripted(query == null ? path : path + "?" + query);
            if (reply == null) {
                Map<String, String> params = params(query);
                params.putAll(params(body));
                reply = answer(path, params, headers);
            }
            if (!reply.delay().isZero()) {
                Thread.sleep(reply.delay().toMillis());
            }
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] bytes = path.startsWith("/img/") && reply.status() == 200 ? JPEG
                    : reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", path.startsWith("/img/") ? "image/jpeg"
                    : reply.body().startsWith("<") ? "text/html" : "application/json");
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up (timeout tests)
        }
    }

    private synchronized Reply scripted(String pathAndQuery) {
        for (Map.Entry<String, Deque<Reply>> entry : scripts.entrySet()) {
            if (pathAndQuery.startsWith(entry.getKey()) && !entry.getValue().isEmpty()) {
                return entry.getValue().poll();
            }
        }
        return null;
    }

    private Reply answer(String path, Map<String, String> params, Map<String, String> headers) throws IOException {
        if (path.startsWith("/img/")) {
            return Reply.of(200, "");
        }
        if (path.startsWith("/me/media") || path.matches("/\\d+")) {
            return api(path, params);
        }
        if (path.startsWith("/api/") || path.startsWith("/graphql/") || path.startsWith("/web/")) {
            if (!headers.containsKey("x-ig-app-id")) {
                return Reply.of(400, "{\"message\":\"useragent mismatch\",\"status\":\"fail\"}");
            }
        }
        if (path.equals("/api/v1/users/web_profile_info/")) {
            return profileInfo(params);
        }
        if (path.equals("/web/search/topsearch/")) {
            return search(params);
        }
        if (path.equals("/" + username + "/")) {
            return Reply.of(200, "<html><head><script type=\"application/json\">{\"props\":{\"profile_id\":\""
                    + USER_ID + "\",\"page\":\"profile\"}}</script></head><body></body></html>");
        }
        boolean loggedIn = headers.getOrDefault("cookie", "").contains("sessionid=");
        Matcher feed = FEED.matcher(path);
        Matcher info = MEDIA_INFO.matcher(path);
        if (!loggedIn && (feed.matches() || info.matches() || path.equals("/graphql/query/"))) {
            return Reply.of(302, "").withHeader("Location", base() + "/accounts/login/?next=" + path);
        }
        if (feed.matches()) {
            return feed(feed.group(1), params.get("max_id"));
        }
        if (info.matches()) {
            return mediaInfo(info.group(1));
        }
        if (path.equals("/graphql/query/")) {
            return timeline(params, headers);
        }
        return Reply.of(404, "{}");
    }

    private Reply profileInfo(Map<String, String> params) {
        if (!username.equals(params.get("username"))) {
            return Reply.of(404, "");
        }
        ObjectNode root = JSON.createObjectNode();
        ObjectNode user = root.putObject("data").putObject("user");
        user.put("id", USER_ID).put("username", username).put("is_private", privateProfile);
        ObjectNode timeline = user.putObject("edge_owner_to_timeline_media");
        Page page = privateProfile ? new Page(List.of(), null) : page(0);
        timeline.put("count", posts.size());
        timeline.putObject("page_info").put("has_next_page", page.cursor() != null).put("end_cursor", page.cursor());
        ArrayNode edges = timeline.putArray("edges");
        page.posts().forEach(post -> edges.addObject().set("node", graphNode(post)));
        root.put("status", "ok");
        return withSession(Reply.of(200, root.toString()));
    }

    private Reply search(Map<String, String> params) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode users = root.putArray("users");
        if (username.startsWith(params.getOrDefault("query", "?"))) {
            users.addObject().put("position", 0).putObject("user").put("pk", USER_ID).put("pk_id", USER_ID)
                    .put("username", username).put("full_name", "Ann");
        }
        users.addObject().put("position", 1).putObject("user").put("pk", "99").put("username", username + "_fan");
        root.putArray("places");
        root.putArray("hashtags");
        return Reply.of(200, root.put("status", "ok").toString());
    }

    private Reply feed(String userId, String maxId) {
        if (!USER_ID.equals(userId)) {
            return Reply.of(404, "{\"message\":\"User not found\",\"status\":\"fail\"}");
        }
        Page page = page(maxId == null ? 0 : offset(maxId));
        ObjectNode root = JSON.createObjectNode();
        ArrayNode items = root.putArray("items");
        page.posts().forEach(items::add);
        root.put("num_results", page.posts().size());
        root.put("more_available", page.cursor() != null);
        if (page.cursor() != null) {
            root.put("next_max_id", page.cursor());
        }
        return withSession(Reply.of(200, root.put("status", "ok").toString()));
    }

    private Reply timeline(Map<String, String> params, Map<String, String> headers) throws IOException {
        String csrf = csrfCookie(headers.getOrDefault("cookie", ""));
        if (csrf == null || !csrf.equals(headers.get("x-csrftoken")) || !headers.containsKey("origin")) {
            return Reply.of(403, "{\"message\":\"CSRF token missing or incorrect\",\"status\":\"fail\"}");
        }
        if (!docId.equals(params.get("doc_id"))) {
            return Reply.of(200, "{\"data\":null,\"errors\":[{\"message\":\"execution error\",\"severity\":"
                    + "\"CRITICAL\",\"code\":1675030}],\"status\":\"ok\"}");
        }
        JsonNode variables = JSON.readTree(params.getOrDefault("variables", "{}"));
        if (!username.equals(variables.path("username").asText())) {
            return Reply.of(200, "{\"data\":{\"xdt_api__v1__feed__user_timeline_graphql_connection\":null},"
                    + "\"status\":\"ok\"}");
        }
        Page page = page(variables.hasNonNull("after") ? offset(variables.get("after").asText()) : 0);
        ObjectNode root = JSON.createObjectNode();
        ObjectNode connection = root.putObject("data").putObject(TimelineRoute.CONNECTION);
        ArrayNode edges = connection.putArray("edges");
        for (ObjectNode post : page.posts()) {
            ObjectNode node = post.deepCopy();
            if (node.path("caption").isObject()) {
                node.set("caption", new TextNode(node.path("caption").path("text").asText())); // as some answers do
            }
            edges.addObject().put("cursor", "").set("node", node);
        }
        connection.putObject("page_info").put("has_next_page", page.cursor() != null)
                .put("end_cursor", page.cursor()).put("has_previous_page", false);
        return withSession(Reply.of(200, root.put("status", "ok").toString()));
    }

    private Reply mediaInfo(String pk) {
        for (ObjectNode post : ordered()) {
            if (post.path("pk").asText().equals(pk)) {
                ObjectNode root = JSON.createObjectNode();
                root.putArray("items").add(post);
                return Reply.of(200, root.put("num_results", 1).put("status", "ok").toString());
            }
        }
        return Reply.of(404, "{\"message\":\"Media not found or unavailable\",\"status\":\"fail\"}");
    }

    /** Answers hand out a rotated CSRF token and a claim, as Instagram's do. */
    private static Reply withSession(Reply reply) {
        return reply.withHeader("Set-Cookie", "csrftoken=" + ROTATED_CSRF + "; Path=/; Secure")
                .withHeader("x-ig-set-www-claim", CLAIM);
    }

    private static String csrfCookie(String cookie) {
        for (String pair : cookie.split(";")) {
            String[] parts = pair.strip().split("=", 2);
            if (parts.length == 2 && parts[0].equals("csrftoken")) {
                return parts[1];
            }
        }
        return null;
    }

    /** A page of renewed copies, and the opaque cursor of the next one (null on the last). */
    private record Page(List<ObjectNode> posts, String cursor) {}

    private Page page(int from) {
        List<ObjectNode> snapshot = ordered();
        int to = Math.min(snapshot.size(), from + pageSize);
        List<ObjectNode> page = new ArrayList<>();
        for (ObjectNode post : snapshot.subList(Math.min(from, to), to)) {
            page.add(renewed(post.deepCopy()));
        }
        return new Page(page, to < snapshot.size() ? "QVFE" + snapshot.get(to).path("code").asText() : null);
    }

    /** Pinned posts first, then the others newest first. */
    private List<ObjectNode> ordered() {
        List<ObjectNode> pinned = new ArrayList<>();
        List<ObjectNode> others = new ArrayList<>();
        synchronized (posts) {
            for (ObjectNode post : posts) {
                (InstagramPosts.pinned(post) ? pinned : others).add(post);
            }
        }
        pinned.addAll(others);
        return pinned;
    }

    /** Cursors name the post the page starts at, so they stay put when posts are added on top, as Instagram's do. */
    private int offset(String cursor) {
        String shortcode = cursor.startsWith("QVFE") ? cursor.substring(4) : "";
        List<ObjectNode> snapshot = ordered();
        for (int i = 0; i < snapshot.size(); i++) {
            if (snapshot.get(i).path("code").asText().equals(shortcode)) {
                return i;
            }
        }
        return snapshot.size();
    }

    /** The older GraphQL node of a v1 item, as {@code web_profile_info} still bundles it. */
    private static ObjectNode graphNode(ObjectNode item) {
        ObjectNode node = JSON.createObjectNode();
        int type = item.path("media_type").asInt();
        node.put("__typename", type == 8 ? "GraphSidecar" : type == 2 ? "GraphVideo" : "GraphImage");
        node.put("id", item.path("pk").asText());
        node.put("shortcode", item.path("code").asText());
        graphMedia(item, node);
        node.put("taken_at_timestamp", item.path("taken_at").asLong());
        ArrayNode captions = node.putObject("edge_media_to_caption").putArray("edges");
        if (item.path("caption").isObject()) {
            captions.addObject().putObject("node").put("text", item.path("caption").path("text").asText());
        }
        node.putObject("edge_media_preview_like").put("count", item.path("like_count").asLong());
        node.putObject("edge_media_to_comment").put("count", item.path("comment_count").asLong());
        node.set("location", item.get("location"));
        if (item.has("pinned_for_users")) {
            node.set("pinned_for_users", item.get("pinned_for_users"));
        } else if (InstagramPosts.pinned(item)) {
            node.putArray("pinned_for_users").addObject().put("id", USER_ID);
        }
        if (type == 8) {
            ArrayNode edges = node.putObject("edge_sidecar_to_children").putArray("edges");
            for (JsonNode child : item.path("carousel_media")) {
                ObjectNode childNode = edges.addObject().putObject("node");
                childNode.put("__typename", child.path("media_type").asInt() == 2 ? "GraphVideo" : "GraphImage");
                graphMedia(child, childNode);
            }
        }
        return node;
    }

    private static void graphMedia(JsonNode media, ObjectNode node) {
        JsonNode candidates = media.path("image_versions2").path("candidates");
        node.put("display_url", candidates.get(candidates.size() - 1).path("url").asText());
        node.put("is_video", media.path("media_type").asInt() == 2);
        if (media.hasNonNull("accessibility_caption")) {
            node.put("accessibility_caption", media.get("accessibility_caption").asText());
        }
    }

    /** Rewrites the URL version of every image URL, as Instagram signs its URLs afresh. */
    private <T extends JsonNode> T renewed(T node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isTextual() && field.getValue().asText().contains("/img/")) {
                    field.setValue(new TextNode(field.getValue().asText().replaceFirst("\\?v=.*$", "?v=" + urlVersion)));
                }
            }
        }
        node.forEach(this::renewed);
        return node;
    }

    private Reply api(String path, Map<String, String> params) {
        if (!token.equals(params.get("access_token"))) {
            return Reply.of(400, "{\"error\":{\"message\":\"Error validating access token: Session has expired.\","
                    + "\"type\":\"OAuthException\",\"code\":190,\"error_subcode\":463,\"fbtrace_id\":\"Abc\"}}");
        }
        if (!params.getOrDefault("fields", "").contains("children{")) {
            return Reply.of(400, "{\"error\":{\"message\":\"missing fields\",\"type\":\"OAuthException\",\"code\":100}}");
        }
        List<ObjectNode> snapshot;
        synchronized (apiMedia) {
            snapshot = new ArrayList<>(apiMedia);
        }
        if (!path.startsWith("/me/media")) {
            String id = path.substring(1);
            for (ObjectNode media : snapshot) {
                if (media.path("id").asText().equals(id)) {
                    return Reply.of(200, renewed(media.deepCopy()).toString());
                }
            }
            return Reply.of(400, "{\"error\":{\"message\":\"Unsupported get request. Object with ID '" + id
                    + "' does not exist\",\"type\":\"GraphMethodException\",\"code\":100}}");
        }
        int from = 0;
        String after = params.get("after");
        if (after != null) {
            from = snapshot.size();
            for (int i = 0; i < snapshot.size(); i++) {
                if (("AFTER" + snapshot.get(i).path("id").asText()).equals(after)) {
                    from = i + 1;
                }
            }
        }
        int to = Math.min(snapshot.size(), from + pageSize);
        ObjectNode root = JSON.createObjectNode();
        ArrayNode data = root.putArray("data");
        snapshot.subList(Math.min(from, to), to).forEach(m -> data.add(renewed(m.deepCopy())));
        if (to > from) {
            ObjectNode paging = root.putObject("paging");
            paging.putObject("cursors").put("before", "BEFORE" + snapshot.get(from).path("id").asText())
                    .put("after", "AFTER" + snapshot.get(to - 1).path("id").asText());
            if (to < snapshot.size()) {
                paging.put("next", base() + "/me/media?access_token=" + token + "&after=AFTER"
                        + snapshot.get(to - 1).path("id").asText());
            }
        }
        return Reply.of(200, root.toString());
    }

    private static Map<String, String> params(String rawQuery) {
        Map<String, String> params = new HashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }

    private static byte[] jpeg() {
        BufferedImage image = new BufferedImage(48, 32, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(new Color(30, 90, 200));
        g.fillRect(0, 0, 48, 32);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
