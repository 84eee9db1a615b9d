package dev.photosearch.vision;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The image analysers of an indexing run: colours always, objects when the detector loads. A detector that cannot
 * load is reported once and left out, so photos are still indexed. Closing releases the detector.
 */
public final class Analysers implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Analysers.class);

    /** Loads the object detector. */
    @FunctionalInterface
    interface DetectorLoader {
        ObjectDetector load() throws IOException;
    }

    private final List<Analyser> all;
    private final ObjectDetector detector;

    Analysers(DetectorLoader loader) {
        List<Analyser> analysers = new ArrayList<>(List.of(new ColourAnalyser()));
        ObjectDetector loaded = null;
        try {
            loaded = loader.load();
            analysers.add(loaded);
        } catch (IOException | RuntimeException | LinkageError e) {
            LOG.warn("object detection is off for this run, photos are indexed without it: {}", e.toString());
        }
        this.detector = loaded;
        this.all = List.copyOf(analysers);
    }

    /** Colours and, when its model loads, objects. */
    public static Analysers standard() {
        return new Analysers(ObjectDetector::load);
    }

    public List<Analyser> list() {
        return all;
    }

    @Override
    public void close() {
        if (detector != null) {
            detector.close();
        }
    }
}
