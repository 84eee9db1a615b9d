package dev.photosearch.media;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds on what the media loader is willing to read, decode and wait for.
 *
 * @param maxBytes          largest encoded file accepted
 * @param maxPixels         largest width × height decoded; guards against decompression bombs
 * @param connectTimeout    HTTP connect timeout
 * @param readTimeout       HTTP time allowed for the whole response once connected
 * @param thumbnailLongSide long side of the cached thumbnail, in pixels
 * @param previewLongSide   long side of the preview given to the analysers, in pixels
 */
public record MediaLimits(
        long maxBytes,
        long maxPixels,
        Duration connectTimeout,
        Duration readTimeout,
        int thumbnailLongSide,
        int previewLongSide) {

    /** 50 MiB, 100 megapixels, 10 s connect, 30 s read, 512 px thumbnails, 1024 px previews. */
    public static final MediaLimits DEFAULTS = new MediaLimits(
            50L * 1024 * 1024, 100_000_000L, Duration.ofSeconds(10), Duration.ofSeconds(30), 512, 1024);

    public MediaLimits {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        // Encoded bytes are held in one array, so they must fit in one.
        if (maxBytes <= 0 || maxBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxBytes out of range: " + maxBytes);
        }
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("maxPixels must be positive: " + maxPixels);
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (thumbnailLongSide <= 0 || previewLongSide < thumbnailLongSide) {
            throw new IllegalArgumentException(
                    "need 0 < thumbnail (" + thumbnailLongSide + ") <= preview (" + previewLongSide + ")");
        }
    }
}
