package dev.photosearch.vision;

/**
 * A labelled part of a photo, such as a detected object or a line of text, in coordinates relative to the upright
 * image: (0, 0) is the top-left corner and (1, 1) the bottom-right one.
 *
 * @param label  what is there ("dog", or the text read)
 * @param score  confidence in [0, 1]
 * @param x      left edge
 * @param y      top edge
 * @param width  width
 * @param height height
 */
public record Region(String label, double score, double x, double y, double width, double height) {}
