package dev.photosearch.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The official Instagram API for one's own professional account: {@code /me/media} pages, cursor-paged, with
 * carousel children. Its media objects are read into the same {@link GraphPost} as the web's.
 */
final class GraphApiFeed implements PostFeed {

    static final String FIELDS = "id,caption,media_type,media_url,thumbnail_url,permalink,timestamp,"
            + "children{media_url,media_type,thumbnail_url}";
    private static final int PAGE_SIZE = 50;
    /** Graph API error codes meaning "too many calls" (app, user, page level). */
    private static final Set<Long> RATE_LIMIT_CODES = Set.of(4L, 17L, 32L, 613L);
    private static final Pattern SHORTCODE = Pattern.compile("/(?:p|reel|tv)/([A-Za-z0-9_-]+)");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[XXX][XX]");

    private final URI base;
    private final String token;
    private final PoliteHttp http;

    GraphApiFeed(URI base, String token, PoliteHttp http) throws SourceException {
        if (token == null || token.isBlank()) {
            throw new SourceException("instagram-api: needs an access token of your professional account in the"
                    + " INSTAGRAM_ACCESS_TOKEN environment variable");
        }
        this.base = base;
        this.token = token.strip();
        this.http = http;
    }

    @Override
    public Page first() throws IOException {
        return page(get("/me/media", "&limit=" + PAGE_SIZE));
    }

    @Override
    public Page next(String cursor) throws IOException {
        return page(get("/me/media", "&limit=" + PAGE_SIZE + "&after=" + encode(cursor)));
    }

    @Override
    public JsonNode fetch(String key, JsonNode stored) throws IOException {
        PoliteHttp.Answer answer = http.get(uri("/" + encode(key), ""), Map.of());
        JsonNode error = answer.json() == null ? null : answer.json().get("error");
        if (answer.status() == 404 || (error != null && error.path("code").asLong() == 100)) {
            return null; // code 100: the object does not exist any more
        }
        return check(answer);
    }

    @Override
    public String keyOf(JsonNode post) {
        String id = JsonFields.scalar(post, "id");
        if (id == null || id.isBlank()) {
            throw new MalformedEntryException("media without \"id\"");
        }
        return id;
    }

    @Override
    public boolean pinned(JsonNode post) {
        return false;
    }

    @Override
    public GraphPost parse(JsonNode post) {
        JsonFields.requireObject(post, "media");
        String permalink = JsonFields.text(post, "permalink");
        Matcher code = SHORTCODE.matcher(permalink == null ? "" : permalink);
        String shortcode = code.find() ? code.group(1) : keyOf(post);
        List<GraphMedia> children = new ArrayList<>();
        JsonNode items = JsonFields.array(JsonFields.object(post, "children"), "data");
        if (items != null) {
            for (JsonNode child : items) {
                children.add(media(JsonFields.requireObject(child, "carousel item")));
            }
        }
        String caption = JsonFields.text(post, "caption");
        return new GraphPost(shortcode, typename(JsonFields.text(post, "media_type")), timestamp(post),
                caption == null ? "" : caption, "", List.of(), null, null, media(post), children, Map.of());
    }

    @Override
    public int requests() {
        return http.sent();
    }

    /** A video stands for itself by its thumbnail; media_url is the mp4. */
    private static GraphMedia media(JsonNode item) {
        boolean video = "VIDEO".equals(JsonFields.text(item, "media_type"));
        return new GraphMedia(JsonFields.text(item, video ? "thumbnail_url" : "media_url"), video, "");
    }

    private static String typename(String mediaType) {
        if (mediaType == null) {
            return null;
        }
        return switch (mediaType) {
            case "CAROUSEL_ALBUM" -> "GraphSidecar";
            case "VIDEO" -> "GraphVideo";
            default -> "GraphImage";
        };
    }

    private static Instant timestamp(JsonNode post) {
        String text = JsonFields.text(post, "timestamp");
        try {
            return text == null ? null : OffsetDateTime.parse(text, TIMESTAMP).toInstant();
        } catch (DateTimeParseException e) {
            throw new MalformedEntryException("\"timestamp\" is not a date: " + text);
        }
    }

    private Page page(PoliteHttp.Answer answer) throws SourceException {
        JsonNode json = check(answer);
        try {
            List<JsonNode> posts = new ArrayList<>();
            JsonNode data = JsonFields.array(json, "data");
            if (data == null) {
                throw new MalformedEntryException("no \"data\" list");
            }
            data.forEach(posts::add);
            JsonNode paging = JsonFields.object(json, "paging");
            String after = JsonFields.text(JsonFields.object(paging, "cursors"), "after");
            // Only a "next" link says there is a further page; "after" is present on the last page too.
            return new Page(posts, JsonFields.text(paging, "next") != null ? after : null);
        } catch (MalformedEntryException e) {
            throw new SourceException("the Instagram API's answer does not have the expected shape: " + e.getMessage());
        }
    }

    private PoliteHttp.Answer get(String path, String extra) throws IOException {
        return http.get(uri(path, extra), Map.of());
    }

    private URI uri(String path, String extra) {
        return base.resolve(path + "?fields=" + encode(FIELDS) + extra + "&access_token=" + encode(token));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** The JSON of a usable answer; expired tokens and rate limits stop the run with a one-line reason. */
    private static JsonNode check(PoliteHttp.Answer answer) throws SourceException {
        JsonNode json = answer.json();
        JsonNode error = json == null ? null : json.get("error");
        if (error != null) {
            long code = error.path("code").asLong();
            String message = error.path("message").asText("");
            if (code == 190) {
                throw new CollectionStopped("the Instagram access token is expired or invalid (OAuthException 190):"
                        + " create a new long-lived token and put it in INSTAGRAM_ACCESS_TOKEN");
            }
            if (RATE_LIMIT_CODES.contains(code)) {
                throw CollectionStopped.rateLimited("API error " + code + ": " + message);
            }
            throw new SourceException("the Instagram API refused: " + message + " (code " + code + ")");
        }
        if (!answer.ok() || json == null) {
            throw new SourceException("the Instagram API answered HTTP " + answer.status());
        }
        return json;
    }
}
