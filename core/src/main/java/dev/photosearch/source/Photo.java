package dev.photosearch.source;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One photo as its source knows it, before any pixel is read.
 *
 * @param id          stable identifier: a hash of the source key and the path
 * @param source      key of the source it came from (see {@link PhotoSource#key()})
 * @param path        path relative to the source root; for an Instagram export, the media {@code uri}
 * @param media       where the image bytes are, or {@code null} when the source has none (missing file)
 * @param permalink   the post's public page, when known
 * @param takenAt     when the photo was taken or posted, when known
 * @param caption     the owner's caption, repaired to proper Unicode; empty when none
 * @param hashtags    hashtags without '#', lower-cased, in order of appearance
 * @param mentions    mentioned accounts without '@'
 * @param altText     alt text written by the platform or the owner; empty when none
 * @param place       place name; empty when none
 * @param video       true when the item is a video (its thumbnail stands for it)
 * @param metadata    further facts the source gives (camera, lens, likes...), for display and text search
 * @param fingerprint changes whenever the photo or its metadata changes; drives incremental indexing
 */
public record Photo(
        String id,
        String source,
        String path,
        MediaLocation media,
        String permalink,
        Instant takenAt,
        String caption,
        List<String> hashtags,
        List<String> mentions,
        String altText,
        String place,
        boolean video,
        Map<String, String> metadata,
        String fingerprint) {

    public Photo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(path, "path");
        caption = caption == null ? "" : caption;
        altText = altText == null ? "" : altText;
        place = place == null ? "" : place;
        hashtags = hashtags == null ? List.of() : List.copyOf(hashtags);
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        fingerprint = fingerprint == null ? "" : fingerprint;
    }

    /** The stable id of the photo at {@code path} in the source {@code sourceKey}. */
    public static String idFor(String sourceKey, String path) {
        return sha256(sourceKey + "\n" + path).substring(0, 20);
    }

    /** A short hex digest of the given parts, used for ids and fingerprints. */
    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The hex SHA-256 digest of these bytes. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
