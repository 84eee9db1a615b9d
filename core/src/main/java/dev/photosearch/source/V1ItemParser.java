package dev.photosearch.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Instagram's "v1 item", the post shape of the v1 feed, the GraphQL timeline, {@code media/{pk}/info} and
 * Instaloader's newer files: {@code code}, {@code media_type} 1/2/8, {@code product_type}, {@code taken_at},
 * {@code caption} (an object, a plain string or null), {@code image_versions2.candidates}, {@code video_versions},
 * {@code carousel_media[]}, {@code accessibility_caption}, {@code location}, counts and {@code user}.
 */
final class V1ItemParser {

    private static final int VIDEO = 2;
    private static final int CAROUSEL = 8;

    private V1ItemParser() {}

    /** Parses an item; one of the wrong shape throws a {@link MalformedEntryException}. */
    static GraphPost parse(JsonNode item) {
        String code = JsonFields.requiredText(item, "code", "post");
        return new GraphPost(code, typename(JsonFields.number(item, "media_type")),
                JsonFields.epochSeconds(item, "taken_at"), caption(item), JsonFields.placeName(item, "location"),
                List.of(), JsonFields.number(item, "like_count"), JsonFields.number(item, "comment_count"),
                media(item), children(item), extra(item, JsonFields.object(item, "location")));
    }

    private static String typename(Long type) {
        if (type == null) {
            return null;
        }
        return type == CAROUSEL ? "GraphSidecar" : type == VIDEO ? "GraphVideo" : "GraphImage";
    }

    /** The caption's text: {@code caption.text}, or {@code caption} itself in some GraphQL answers. */
    private static String caption(JsonNode item) {
        JsonNode caption = item.get("caption");
        if (caption == null || caption.isNull()) {
            return "";
        }
        if (caption.isTextual()) {
            return caption.textValue();
        }
        String text = JsonFields.text(JsonFields.requireObject(caption, "caption"), "text");
        return text == null ? "" : text;
    }

    private static GraphMedia media(JsonNode item) {
        JsonNode videos = JsonFields.array(item, "video_versions");
        Long type = JsonFields.number(item, "media_type");
        boolean video = (videos != null && !videos.isEmpty()) || (type != null && type == VIDEO);
        String alt = JsonFields.text(item, "accessibility_caption");
        return new GraphMedia(largestImage(item), video, alt == null ? "" : alt);
    }

    /** The url of the largest of {@code image_versions2.candidates}, which is also a video's still. */
    private static String largestImage(JsonNode item) {
        JsonNode candidates = JsonFields.array(JsonFields.object(item, "image_versions2"), "candidates");
        String best = null;
        long bestArea = -1;
        if (candidates != null) {
            for (JsonNode candidate : candidates) {
                String url = JsonFields.text(JsonFields.requireObject(candidate, "image candidate"), "url");
                Long width = JsonFields.number(candidate, "width");
                Long height = JsonFields.number(candidate, "height");
                long area = width == null || height == null ? 0 : width * height;
                if (url != null && area > bestArea) {
                    best = url;
                    bestArea = area;
                }
            }
        }
        return best;
    }

    private static List<GraphMedia> children(JsonNode item) {
        JsonNode carousel = JsonFields.array(item, "carousel_media");
        List<GraphMedia> children = new ArrayList<>();
        if (carousel != null) {
            for (JsonNode child : carousel) {
                children.add(media(JsonFields.requireObject(child, "carousel item")));
            }
        }
        return children;
    }

    /** Owner, reel and the place's position, kept for display and text search. */
    private static Map<String, String> extra(JsonNode item, JsonNode location) {
        Map<String, String> extra = new LinkedHashMap<>();
        String owner = JsonFields.text(JsonFields.object(item, "user"), "username");
        if (owner != null) {
            extra.put("owner", owner);
        }
        if ("clips".equals(JsonFields.text(item, "product_type"))) {
            extra.put("reel", "true");
        }
        for (String field : List.of("lat", "lng")) {
            String value = JsonFields.scalar(location, field);
            if (value != null) {
                extra.put("place_" + field, value);
            }
        }
        return extra;
    }
}
