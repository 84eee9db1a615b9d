package dev.photosearch.media;

import dev.photosearch.source.MediaLocation;
import dev.photosearch.source.Photo;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a photo's image for indexing: reads its bytes, decodes them safely, turns them upright,
 * caches a JPEG thumbnail and hands back a preview for the analysers. Safe to call from several threads.
 */
public final class MediaLoader {

    private static final Logger LOG = LoggerFactory.getLogger(MediaLoader.class);

    private final MediaLimits limits;
    private final MediaBytes bytes;
    private final ImageDecoder decoder;
    private final ExifReader exifReader = new ExifReader();
    private final ThumbnailStore thumbnails;

    /** Thumbnails go under {@code thumbnailDir}, created on first write. */
    public MediaLoader(Path thumbnailDir, MediaLimits limits) {
        this(thumbnailDir, limits, "heif-convert");
    }

    /** A loader that decodes HEIC and AVIF pictures with this {@code heif-convert} program (a name or a path). */
    public MediaLoader(Path thumbnailDir, MediaLimits limits, String heifConvert) {
        this.limits = limits;
        this.bytes = new MediaBytes(limits.maxBytes(), new HttpFetcher(limits));
        this.decoder = new ImageDecoder(limits.maxPixels(), limits.previewLongSide(), new HeifConverter(heifConvert));
        this.thumbnails = new ThumbnailStore(thumbnailDir);
    }

    /**
     * Never throws for a bad image: failures come back as a {@link Media} with a short reason, marked
     * {@link Media#temporary() temporary} when they may pass (a server error, a full thumbnail folder).
     */
    public Media load(Photo photo) {
        try {
            return loadOrFail(photo);
        } catch (MediaProblem problem) {
            LOG.debug("{} ({}): {}", photo.path(), photo.id(), problem.getMessage());
            return Media.failed(problem.getMessage(), problem.temporary());
        }
    }

    /** Deletes the cached thumbnails of photos taken out of the index; one that cannot be deleted is only logged. */
    public void forget(Collection<String> photoIds) {
        for (String id : photoIds) {
            try {
                thumbnails.delete(id);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("Cannot delete the thumbnail of photo {}: {}", id, e.toString());
            }
        }
    }

    /** The cached thumbnail of the photo with this id, if one was written. */
    public Optional<Path> thumbnailFor(String photoId) {
        return thumbnails.find(photoId);
    }

    private Media loadOrFail(Photo photo) throws MediaProblem {
        MediaLocation location = photo.media();
        if (location == null) {
            throw MediaProblem.missing();
        }
        // A local video is an mp4; a remote one is the platform's JPEG still, which decodes like any photo.
        if (photo.video() && !(location instanceof MediaLocation.Remote)) {
            throw MediaProblem.video();
        }
        byte[] encoded = bytes.read(location);
        ImageDecoder.Decoded decoded = decoder.decode(encoded);
        Exif exif = exifReader.read(encoded);
        // libheif has already turned a HEIF picture upright: its EXIF orientation would turn it twice.
        BufferedImage preview = Orientation.apply(Resizer.fit(decoded.image(), limits.previewLongSide()),
                HeifConverter.FORMATS.contains(decoded.format()) ? null : exif.orientation());
        BufferedImage thumbnail = Resizer.fit(preview, limits.thumbnailLongSide());
        Path thumbnailPath;
        try {
            thumbnailPath = thumbnails.write(photo.id(), thumbnail);
        } catch (IOException e) {
            LOG.warn("Cannot write the thumbnail of {}: {}", photo.path(), e.toString());
            throw MediaProblem.thumbnailNotWritten(String.valueOf(e.getMessage()));
        }
        ImageFacts facts = new ImageFacts(decoded.width(), decoded.height(), decoded.format(), encoded.length, exif,
                Photo.sha256(encoded));
        return new Media(facts, thumbnailPath, preview, null);
    }
}
