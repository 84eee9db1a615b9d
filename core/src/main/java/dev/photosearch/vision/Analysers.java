package dev.photosearch.vision;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The image analysers of an indexing run, in the order their phrases read best in a description: objects when the
 * detector loads, colours always, text when Tesseract's language data is installed, then the image signature (no
 * phrase; it feeds {@code similar} and {@code near-duplicates}). One that cannot run is reported once and left out, so
 * photos are still indexed. Closing releases the detector and Tesseract.
 */
public final class Analysers implements AutoCloseable {

    /** Loads the object detector. */
    @FunctionalInterface
    interface DetectorLoader {
        ObjectDetector load() throws IOException;
    }

    private final List<Analyser> all;
    private final ObjectDetector detector;
    private final TextReader text;

    Analysers(DetectorLoader loader, Supplier<TextReader> textReader, Consumer<String> notices) {
        List<Analyser> analysers = new ArrayList<>();
        ObjectDetector loaded = null;
        try {
            loaded = loader.load();
            analysers.add(loaded);
        } catch (IOException | RuntimeException | LinkageError e) {
            notices.accept("object detection is off for this run, photos are indexed without it: " + e);
        }
        analysers.add(new ColourAnalyser());
        TextReader reader = null;
        try {
            reader = textReader.get();
            analysers.add(reader);
        } catch (IllegalStateException e) {
            notices.accept("text in images will not be read: " + e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            notices.accept("text in images will not be read: " + e);
        }
        this.text = reader;
        analysers.add(new SignatureAnalyser());
        this.detector = loaded;
        this.all = List.copyOf(analysers);
    }

    /** Every analyser that can run here; {@code notices} hears about those that cannot. */
    public static Analysers standard(Consumer<String> notices) {
        return new Analysers(ObjectDetector::load, TextReader::load, notices);
    }

    public List<Analyser> list() {
        return all;
    }

    @Override
    public void close() {
        if (detector != null) {
            detector.close();
        }
        if (text != null) {
            text.close();
        }
    }
}
