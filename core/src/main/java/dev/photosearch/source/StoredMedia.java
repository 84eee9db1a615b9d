package dev.photosearch.source;

/** A media file found in an export, with the facts that tell when it changed. */
record StoredMedia(MediaLocation location, long size, long modifiedMillis) {}
