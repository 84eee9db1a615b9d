package dev.photosearch.vision;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The score a detection needs to count, per class: one global threshold, adjusted for classes whose evaluation had
 * enough examples to tune them. Read from {@code object-thresholds.properties}.
 *
 * @param global   the threshold of classes without their own
 * @param perClass thresholds of tuned classes, by label
 */
public record DetectionThresholds(double global, Map<String, Double> perClass) {

    private static final String RESOURCE = "object-thresholds.properties";
    private static final String GLOBAL = "default";

    public DetectionThresholds {
        perClass = Map.copyOf(perClass);
        checkScore(GLOBAL, global);
        perClass.forEach(DetectionThresholds::checkScore);
    }

    /** The tuned thresholds shipped with the application; labels must be among {@code known}. */
    public static DetectionThresholds shipped(Set<String> known) {
        try (InputStream in = DetectionThresholds.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), known);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses {@code default=0.3} and {@code label=score} lines; an unknown label or a bad score is an error. */
    static DetectionThresholds parse(Reader reader, Set<String> known) throws IOException {
        Properties properties = new Properties();
        properties.load(reader);
        String global = properties.getProperty(GLOBAL);
        if (global == null) {
            throw new IllegalArgumentException(RESOURCE + ": no '" + GLOBAL + "' threshold");
        }
        Map<String, Double> perClass = new HashMap<>();
        for (String label : properties.stringPropertyNames()) {
            if (label.equals(GLOBAL)) {
                continue;
            }
            if (!known.contains(label)) {
                throw new IllegalArgumentException(RESOURCE + ": unknown class '" + label + "'");
            }
            perClass.put(label, score(label, properties.getProperty(label)));
        }
        return new DetectionThresholds(score(GLOBAL, global), perClass);
    }

    /** The score a detection of this class needs. */
    public double of(String label) {
        return perClass.getOrDefault(label, global);
    }

    private static double score(String key, String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(RESOURCE + ": '" + key + "' is not a number: " + text, e);
        }
    }

    private static void checkScore(String key, double score) {
        if (!(score > 0 && score < 1)) {
            throw new IllegalArgumentException(RESOURCE + ": '" + key + "' must be between 0 and 1, not " + score);
        }
    }
}
