package dev.photosearch.vision;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;

/** Turns photos into vectors of a joint image-text space (CLIP). Implementations must be thread-safe. */
public interface ImageEmbedder extends AutoCloseable {

    /** The model's id and revision, stored with every vector so vectors of different models are never compared. */
    String modelId();

    /** Vector length. */
    int dimension();

    /** One L2-normalised vector per image, computed in one batch. */
    List<float[]> embed(List<BufferedImage> images) throws IOException;

    @Override
    void close();
}
