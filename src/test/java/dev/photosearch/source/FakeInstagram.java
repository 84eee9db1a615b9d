package dev.photosearch.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;

/**
 * A local stand-in for Instagram answering in the documented shapes: {@code web_profile_info}, GraphQL pages and
 * single posts in the web app's shape, {@code /me/media} of the official API, and the images. Posts are made up.
 * Tests script failures (status, body, headers, delay) for the next requests to a path.
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

    /** One request received. */
    public record Request(String path, String query, Map<String, String> headers) {}

    public static final String USER_ID = "1234567890";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] JPEG = jpeg();

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

    /** Options pointing at this server, with no pauses and no backoff. */
    public CollectOptions options(int budget) {
        return new CollectOptions(base(), base(), new Pacing(budget, Duration.ZERO, Duration.ZERO, 2, Duration.ZERO,
                Duration.ofSeconds(5), Duration.ofSeconds(5)), null, token);
    }

    public void pageSize(int size) {
        pageSize = size;
    }

    public void privateProfile(boolean value) {
        privateProfile = value;
    }

    public String token() {
        return token;
    }

    /** Image URLs end in a version, as CDN URLs carry a signature that changes when renewed. */
    public void renewUrls(String version) {
        urlVersion = version;
    }

    /** The next requests whose path starts with {@code pathPrefix} get these replies, in order. */
    public synchronized void script(String pathPrefix, Reply... replies) {
        scripts.computeIfAbsent(pathPrefix, k -> new ArrayDeque<>()).addAll(List.of(replies));
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public long requestsTo(String pathPrefix) {
        return requests.stream().filter(r -> r.path().startsWith(pathPrefix)).count();
    }

    // ---- posts, newest first, in the web app's GraphQL shape ----

    /** Publishes a post on top of the profile. */
    public ObjectNode publish(ObjectNode post) {
        posts.add(0, post);
        return post;
    }

    public void delete(String shortcode) {
        posts.removeIf(p -> p.path("shortcode").asText().equals(shortcode));
    }

    public ObjectNode image(String shortcode, long takenAt, String caption, String alt) {
        ObjectNode node = JSON.createObjectNode();
        node.put("__typename", "GraphImage");
        node.put("id", String.valueOf(shortcode.hashCode() & 0x7fffffff));
        node.put("shortcode", shortcode);
        node.put("display_url", imageUrl(shortcode));
        node.put("thumbnail_src", imageUrl(shortcode + "_t"));
        node.put("is_video", false);
        node.put("accessibility_caption", alt);
        node.put("taken_at_timestamp", takenAt);
        node.putObject("dimensions").put("width", 1080).put("height", 1080);
        node.putObject("edge_media_to_caption").putArray("edges").addObject().putObject("node").put("text", caption);
        node.putObject("edge_media_preview_like").put("count", 42);
        node.putObject("edge_media_to_comment").put("count", 3);
        node.putObject("owner").put("id", USER_ID).put("username", username);
        node.putNull("location");
        return node;
    }

    public ObjectNode video(String shortcode, long takenAt, String caption) {
        ObjectNode node = image(shortcode, takenAt, caption, null);
        node.put("__typename", "GraphVideo");
        node.put("is_video", true);
        node.put("video_url", base() + "/video/" + shortcode + ".mp4");
        node.put("video_view_count", 1000);
        return node;
    }

    /** A carousel of images; a child whose name ends in "v" is a video. */
    public ObjectNode carousel(String shortcode, long takenAt, String caption, String... children) {
        ObjectNode node = image(shortcode, takenAt, caption, null);
        node.put("__typename", "GraphSidecar");
        ArrayNode edges = node.putObject("edge_sidecar_to_children").putArray("edges");
        for (String child : children) {
            boolean video = child.endsWith("v");
            ObjectNode item = edges.addObject().putObject("node");
            item.put("__typename", video ? "GraphVideo" : "GraphImage");
            item.put("shortcode", shortcode);
            item.put("display_url", imageUrl(child));
            item.put("is_video", video);
            item.put("accessibility_caption", "Photo of " + child);
        }
        return node;
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
            requests.add(new Request(path, query, headers));
            Reply reply = scripted(path);
            if (reply == null) {
                reply = answer(path, params(query), headers);
            }
            if (!reply.delay().isZero()) {
                Thread.sleep(reply.delay().toMillis());
            }
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] body = path.startsWith("/img/") && reply.status() == 200 ? JPEG
                    : reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", path.startsWith("/img/") ? "image/jpeg"
                    : "application/json");
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up (timeout tests)
        }
    }

    private synchronized Reply scripted(String path) {
        for (Map.Entry<String, Deque<Reply>> entry : scripts.entrySet()) {
            if (path.startsWith(entry.getKey()) && !entry.getValue().isEmpty()) {
                return entry.getValue().poll();
            }
        }
        return null;
    }

    private Reply answer(String path, Map<String, String> params, Map<String, String> headers) throws IOException {
        if (path.startsWith("/img/")) {
            return Reply.of(200, "");
        }
        if (path.equals("/api/v1/users/web_profile_info/")) {
            if (!headers.containsKey("x-ig-app-id")) {
                return Reply.of(400, "{\"message\":\"useragent mismatch\",\"status\":\"fail\"}");
            }
            if (!username.equals(params.get("username"))) {
                return Reply.of(404, "");
            }
            ObjectNode root = JSON.createObjectNode();
            ObjectNode user = root.putObject("data").putObject("user");
            user.put("id", USER_ID).put("username", username).put("is_private", privateProfile);
            user.set("edge_owner_to_timeline_media", privateProfile ? emptyPage() : page(0));
            root.put("status", "ok");
            return Reply.of(200, root.toString());
        }
        if (path.equals("/graphql/query/")) {
            JsonNode variables = JSON.readTree(params.getOrDefault("variables", "{}"));
            if (variables.has("shortcode")) {
                ObjectNode root = JSON.createObjectNode();
                ObjectNode data = root.putObject("data");
                ObjectNode post = find(variables.get("shortcode").asText());
                if (post == null) {
                    data.putNull("shortcode_media");
                } else {
                    data.set("shortcode_media", post);
                }
                return Reply.of(200, root.put("status", "ok").toString());
            }
            if (!USER_ID.equals(variables.path("id").asText())) {
                return Reply.of(400, "{\"message\":\"bad id\",\"status\":\"fail\"}");
            }
            ObjectNode root = JSON.createObjectNode();
            root.putObject("data").putObject("user").set("edge_owner_to_timeline_media",
                    page(offset(variables.path("after").asText())));
            return Reply.of(200, root.put("status", "ok").toString());
        }
        if (path.startsWith("/me/media") || path.matches("/\\d+")) {
            return api(path, params);
        }
        return Reply.of(404, "{}");
    }

    private ObjectNode find(String shortcode) {
        synchronized (posts) {
            for (ObjectNode post : posts) {
                if (post.path("shortcode").asText().equals(shortcode)) {
                    ObjectNode copy = post.deepCopy();
                    renewed(copy);
                    return copy;
                }
            }
        }
        return null;
    }

    /** Rewrites the URL version of a post, as Instagram signs its URLs afresh. */
    private void renewed(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            for (String field : List.of("display_url", "thumbnail_src", "media_url", "thumbnail_url")) {
                if (object.hasNonNull(field)) {
                    object.put(field, object.get(field).asText().replaceFirst("\\?v=.*$", "?v=" + urlVersion));
                }
            }
        }
        node.forEach(this::renewed);
    }

    private ObjectNode page(int from) {
        List<ObjectNode> snapshot;
        synchronized (posts) {
            snapshot = new ArrayList<>(posts);
        }
        ObjectNode media = JSON.createObjectNode();
        media.put("count", snapshot.size());
        int to = Math.min(snapshot.size(), from + pageSize);
        ObjectNode pageInfo = media.putObject("page_info");
        pageInfo.put("has_next_page", to < snapshot.size());
        if (to < snapshot.size()) {
            pageInfo.put("end_cursor", "QVFE" + snapshot.get(to).path("shortcode").asText());
        } else {
            pageInfo.putNull("end_cursor");
        }
        ArrayNode edges = media.putArray("edges");
        for (ObjectNode post : snapshot.subList(Math.min(from, to), to)) {
            ObjectNode copy = post.deepCopy();
            renewed(copy);
            edges.addObject().set("node", copy);
        }
        return media;
    }

    private static ObjectNode emptyPage() {
        ObjectNode media = JSON.createObjectNode();
        media.put("count", 7);
        media.putObject("page_info").put("has_next_page", false).putNull("end_cursor");
        media.putArray("edges");
        return media;
    }

    /** Cursors name the post the page starts at, so they stay put when posts are added on top, as Instagram's do. */
    private int offset(String cursor) {
        String shortcode = cursor.startsWith("QVFE") ? cursor.substring(4) : "";
        synchronized (posts) {
            for (int i = 0; i < posts.size(); i++) {
                if (posts.get(i).path("shortcode").asText().equals(shortcode)) {
                    return i;
                }
            }
        }
        return posts.size();
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
                    ObjectNode copy = media.deepCopy();
                    renewed(copy);
                    return Reply.of(200, copy.toString());
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
        snapshot.subList(Math.min(from, to), to).forEach(m -> data.add(renewedCopy(m)));
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

    private ObjectNode renewedCopy(ObjectNode media) {
        ObjectNode copy = media.deepCopy();
        renewed(copy);
        return copy;
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
