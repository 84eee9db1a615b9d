package dev.photosearch.vision;

import java.awt.image.BufferedImage;
import java.util.List;

/** Stores each photo's {@link ImageSignature} for similar-photo search and near-duplicates; adds no words. */
public final class SignatureAnalyser implements Analyser {

    public static final String NAME = "signature";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public Analysis analyse(BufferedImage image) {
        return new Analysis(NAME, version(), "", List.of(), ImageSignature.of(image).facts());
    }
}
