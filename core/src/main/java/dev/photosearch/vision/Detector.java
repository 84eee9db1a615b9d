package dev.photosearch.vision;

import java.awt.image.BufferedImage;
import java.util.List;

/** A COCO object detection model: every box it proposes for a photo, scored, best first. Safe for several threads. */
interface Detector extends AutoCloseable {

    /** Candidate boxes in coordinates relative to the image, best first, before any threshold. */
    List<Region> candidates(BufferedImage image);

    /** Releases the model; a detector built on others closes them. */
    @Override
    default void close() {}
}
