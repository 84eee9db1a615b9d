package dev.photosearch.vision;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The captioner as an analyser: its sentence joins the photo's description, so it is embedded and indexed. */
public final class CaptionAnalyser implements BatchAnalyser {

    private final Captioner captioner;
    private final int version;

    /** The version follows the model and its decoding settings, so changing either captions photos again. */
    public CaptionAnalyser(Captioner captioner) {
        this.captioner = captioner;
        this.version = Math.floorMod(captioner.fingerprint().hashCode(), 1_000_000);
    }

    @Override
    public String name() {
        return "caption";
    }

    @Override
    public int version() {
        return version;
    }

    @Override
    public List<Analysis> analyseAll(List<BufferedImage> images) {
        try {
            List<Analysis> analyses = new ArrayList<>();
            for (String caption : captioner.caption(images)) {
                analyses.add(new Analysis(name(), version, caption, List.of(),
                        Map.of("caption", caption, "model", captioner.modelId())));
            }
            return analyses;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
