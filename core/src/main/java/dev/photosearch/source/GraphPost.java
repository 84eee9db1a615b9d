package dev.photosearch.source;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A post as read from any of Instagram's shapes (GraphQL node, v1 item, official API, downloaders' metadata).
 *
 * @param shortcode the post's public code
 * @param typename  GraphImage, GraphSidecar or GraphVideo
 * @param children  the carousel items; empty for a single image or video
 * @param extra     further facts for display and text search (owner, reel...)
 */
record GraphPost(String shortcode, String typename, Instant takenAt, String caption, String place,
                 List<String> tags, Long likes, Long comments, GraphMedia self, List<GraphMedia> children,
                 Map<String, String> extra) {

    GraphPost {
        extra = Map.copyOf(extra);
    }

    /** What to import: the carousel items, or the post itself. */
    List<GraphMedia> media() {
        return children.isEmpty() ? List.of(self) : children;
    }

    boolean isCarousel() {
        return !children.isEmpty() || "GraphSidecar".equals(typename);
    }

    String permalink() {
        return "https://www.instagram.com/p/" + shortcode + "/";
    }

    /**
     * The photo of one item of this post. The fingerprint leaves out CDN urls, which expire and change,
     * but includes the local file's size and time when there is one.
     */
    Photo toPhoto(String sourceKey, String path, GraphMedia item, MediaLocation location) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("shortcode", shortcode);
        if (typename != null) {
            metadata.put("type", typename);
        }
        if (likes != null) {
            metadata.put("likes", likes.toString());
        }
        if (comments != null) {
            metadata.put("comments", comments.toString());
        }
        metadata.putAll(extra);
        String fingerprint = new Fingerprint().add("path", path).add("caption", caption).add(takenAt)
                .add("alt", item.altText()).add("place", place).add("video", item.video()).add(metadata)
                .addMedia(location).hash();
        return new Photo(Photo.idFor(sourceKey, path), sourceKey, path, location, permalink(), takenAt, caption,
                CaptionTags.merge(tags, CaptionTags.hashtags(caption)), CaptionTags.mentions(caption),
                item.altText(), place, item.video(), metadata, fingerprint);
    }
}
