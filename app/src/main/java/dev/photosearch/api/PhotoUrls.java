package dev.photosearch.api;

import dev.photosearch.index.IndexedPhoto;

/** The API addresses of a photo's pictures; null when there is nothing to serve. */
record PhotoUrls(String thumbnailUrl, String imageUrl) {

    static PhotoUrls of(IndexedPhoto entry) {
        String base = "/api/photos/" + entry.photo().id();
        return new PhotoUrls(entry.thumbnail() == null ? null : base + "/thumbnail",
                entry.photo().media() == null ? null : base + "/image");
    }
}
