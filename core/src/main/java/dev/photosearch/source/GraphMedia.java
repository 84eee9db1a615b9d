package dev.photosearch.source;

/**
 * One image or video of a GraphQL post: the post itself, or one child of a carousel.
 *
 * @param displayUrl CDN url of the image (a thumbnail for videos); null when absent
 * @param video      whether the item is a video
 * @param altText    its accessibility caption; empty when none
 */
record GraphMedia(String displayUrl, boolean video, String altText) {}
