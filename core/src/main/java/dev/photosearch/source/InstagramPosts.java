package dev.photosearch.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;

/**
 * A post as Instagram or a tool saved it, in either shape: the v1 item ({@code code}, read by {@link V1ItemParser};
 * also under {@code iphone_struct} in Instaloader's files) or the older GraphQL node ({@code shortcode}, read by
 * {@link GraphNodeParser}).
 */
final class InstagramPosts {

    /** The alphabet of shortcodes: a media id written in base 64, url-safe. */
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    /** Private posts' codes carry this many characters after the id's; public codes are much shorter. */
    private static final int PRIVATE_SUFFIX = 28;

    private InstagramPosts() {}

    /** Whether {@code node} is a post in one of the shapes, rather than a profile or another object. */
    static boolean isPost(JsonNode node) {
        return GraphNodeParser.isPost(node) || (node != null && node.isObject() && node.path("code").isTextual());
    }

    static GraphPost parse(JsonNode node) {
        JsonFields.requireObject(node, "post");
        JsonNode iphone = node.get("iphone_struct");
        if (iphone != null && iphone.isObject()) {
            return V1ItemParser.parse(iphone);
        }
        return node.has("shortcode") ? GraphNodeParser.parse(node) : V1ItemParser.parse(node);
    }

    /** The post's shortcode: {@code code} or {@code shortcode}. */
    static String key(JsonNode node) {
        String key = node.path("code").isTextual() ? node.get("code").textValue() : node.path("shortcode").asText("");
        if (key.isBlank()) {
            throw new MalformedEntryException("post without \"code\" or \"shortcode\"");
        }
        return key;
    }

    /** Pinned to the top of its profile: {@code timeline_pinned_user_ids}, or the older {@code pinned_for_users}. */
    static boolean pinned(JsonNode node) {
        return node.path("timeline_pinned_user_ids").size() > 0 || node.path("pinned_for_users").size() > 0
                || node.path("is_pinned").asBoolean(false);
    }

    /** The numeric media id (pk): stored with the post, else decoded from its shortcode. */
    static String mediaId(String shortcode, JsonNode stored) {
        String pk = stored == null ? "" : stored.path("pk").asText("");
        if (pk.matches("\\d+")) {
            return pk;
        }
        String id = stored == null ? "" : stored.path("id").asText("").split("_", 2)[0];
        return id.matches("\\d+") ? id : fromShortcode(shortcode);
    }

    /** Decodes a shortcode into its media id. */
    static String fromShortcode(String shortcode) {
        String code = shortcode.length() > PRIVATE_SUFFIX
                ? shortcode.substring(0, shortcode.length() - PRIVATE_SUFFIX) : shortcode;
        BigInteger id = BigInteger.ZERO;
        for (char c : code.toCharArray()) {
            int digit = ALPHABET.indexOf(c);
            if (digit < 0) {
                throw new MalformedEntryException("\"" + shortcode + "\" is not a shortcode");
            }
            id = id.shiftLeft(6).add(BigInteger.valueOf(digit));
        }
        return id.toString();
    }
}
