package dev.photosearch.api;

import dev.photosearch.index.IndexedPhoto;
import dev.photosearch.media.ImageFacts;
import dev.photosearch.source.MediaLocation;
import dev.photosearch.source.Photo;
import dev.photosearch.vision.Analysis;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the index keeps about one photo, as the API shows it: the stored record with its analyses (regions in
 * relative 0..1 coordinates), facts and EXIF, and the API addresses of its pictures instead of paths on disk.
 */
record PhotoView(String id, String source, String path, String mediaKind, String permalink, Instant takenAt,
        String caption, List<String> hashtags, List<String> mentions, String altText, String place, boolean video,
        Map<String, String> metadata, ImageFacts facts, String mediaProblem, List<Analysis> analyses,
        Description description, String thumbnailUrl, String imageUrl, String similarUrl) {

    /** The words that describe the photo, and the sentence shown to people. */
    record Description(String shows, String context, String summary) {}

    static PhotoView of(IndexedPhoto entry) {
        Photo p = entry.photo();
        PhotoUrls urls = PhotoUrls.of(entry);
        return new PhotoView(p.id(), p.source(), p.path(), kind(p.media()), p.permalink(), p.takenAt(), p.caption(),
                p.hashtags(), p.mentions(), p.altText(), p.place(), p.video(), p.metadata(), entry.facts(),
                entry.mediaProblem(), entry.analyses(),
                new Description(entry.description().shows(), entry.description().context(),
                        entry.description().summary()),
                urls.thumbnailUrl(), urls.imageUrl(), "/api/photos/" + p.id() + "/similar");
    }

    private static String kind(MediaLocation media) {
        if (media instanceof MediaLocation.LocalFile) {
            return "file";
        }
        if (media instanceof MediaLocation.ZipEntry) {
            return "zip";
        }
        return media instanceof MediaLocation.Remote ? "url" : null;
    }
}
