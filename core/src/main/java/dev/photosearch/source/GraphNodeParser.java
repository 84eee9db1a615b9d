package dev.photosearch.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads Instagram's older GraphQL post node ({@code shortcode}, {@code display_url}, {@code edge_sidecar_to_children}),
 * the shape of instagram-scraper items, older Instaloader files and the posts {@code web_profile_info} bundles.
 */
final class GraphNodeParser {

    private GraphNodeParser() {}

    /** Parses a post node; a node of the wrong shape throws a {@link MalformedEntryException}. */
    static GraphPost parse(JsonNode node) {
        String shortcode = JsonFields.requiredText(node, "shortcode", "post");
        String typename = JsonFields.text(node, "__typename");
        // answers of the newer GraphQL queries name the same types XDTGraphImage, XDTGraphSidecar...
        return new GraphPost(shortcode,
                typename != null && typename.startsWith("XDT") ? typename.substring(3) : typename,
                JsonFields.epochSeconds(node, "taken_at_timestamp"), caption(node),
                JsonFields.placeName(node, "location"),
                JsonFields.texts(node, "tags"), count(node, "edge_media_preview_like", "edge_liked_by"),
                count(node, "edge_media_to_comment", "edge_media_to_parent_comment"), media(node), children(node),
                Map.of());
    }

    /** Whether {@code node} is a post rather than a profile or another kind of GraphQL object. */
    static boolean isPost(JsonNode node) {
        return node != null && node.isObject() && node.path("shortcode").isTextual()
                && !"GraphUser".equals(node.path("__typename").asText());
    }

    private static GraphMedia media(JsonNode node) {
        String alt = JsonFields.text(node, "accessibility_caption");
        return new GraphMedia(JsonFields.text(node, "display_url"), JsonFields.flag(node, "is_video"),
                alt == null ? "" : alt);
    }

    private static String caption(JsonNode node) {
        JsonNode edges = JsonFields.array(JsonFields.object(node, "edge_media_to_caption"), "edges");
        if (edges == null || edges.isEmpty()) {
            return "";
        }
        String text = JsonFields.text(JsonFields.object(JsonFields.requireObject(edges.get(0), "caption edge"), "node"),
                "text");
        return text == null ? "" : text;
    }

    private static List<GraphMedia> children(JsonNode node) {
        JsonNode edges = JsonFields.array(JsonFields.object(node, "edge_sidecar_to_children"), "edges");
        List<GraphMedia> children = new ArrayList<>();
        if (edges != null) {
            for (JsonNode edge : edges) {
                JsonNode child = JsonFields.object(JsonFields.requireObject(edge, "carousel edge"), "node");
                children.add(media(JsonFields.requireObject(child, "carousel item")));
            }
        }
        return children;
    }

    /** The "count" of the first of the given edge fields present. */
    private static Long count(JsonNode node, String... edgeFields) {
        for (String field : edgeFields) {
            Long count = JsonFields.number(JsonFields.object(node, field), "count");
            if (count != null) {
                return count;
            }
        }
        return null;
    }
}
