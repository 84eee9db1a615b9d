package dev.photosearch.vision;

import java.awt.image.BufferedImage;
import java.util.List;

/** An analyser that is much faster on a batch of images (a neural network); the indexer gives it whole batches. */
public interface BatchAnalyser extends Analyser {

    /** One analysis per image, in order. */
    List<Analysis> analyseAll(List<BufferedImage> images);

    @Override
    default Analysis analyse(BufferedImage image) {
        return analyseAll(List.of(image)).get(0);
    }
}
