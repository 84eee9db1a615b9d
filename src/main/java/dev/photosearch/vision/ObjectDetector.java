package dev.photosearch.vision;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Finds and counts everyday objects of the 80 COCO classes (people, animals, vehicles, food, furniture...) with the
 * CenterNet detector shipped in the application: "two people, a dog and a frisbee". Safe for several threads; close
 * it when done.
 */
public final class ObjectDetector implements Analyser, AutoCloseable {

    // Two boxes of the same class overlapping more than this are one object seen twice.
    static final double SAME_OBJECT_IOU = 0.5;

    private final CenterNet model;
    private final DetectionThresholds thresholds;
    private final Map<String, ObjectClass> classes;

    ObjectDetector(CenterNet model, DetectionThresholds thresholds, List<ObjectClass> classes) {
        this.model = model;
        this.thresholds = thresholds;
        this.classes = classes.stream().collect(Collectors.toUnmodifiableMap(ObjectClass::label, Function.identity()));
    }

    /** Loads the shipped model and thresholds; takes a few seconds. */
    public static ObjectDetector load() throws IOException {
        List<ObjectClass> classes = ObjectClass.coco();
        DetectionThresholds thresholds = DetectionThresholds.shipped(
                classes.stream().map(ObjectClass::label).collect(Collectors.toSet()));
        return new ObjectDetector(CenterNet.load(), thresholds, classes);
    }

    @Override
    public String name() {
        return "objects";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public Analysis analyse(BufferedImage image) {
        List<Region> objects = detect(image);
        ObjectSummary summary = ObjectSummary.of(objects, classes);
        Map<String, String> facts = objects.isEmpty() ? Map.of() : Map.of("objects", summary.countsFact());
        return new Analysis(name(), version(), summary.phrase(), summary.terms(), facts, objects);
    }

    /** The objects found, best first, in coordinates relative to the image. */
    public List<Region> detect(BufferedImage image) {
        return select(model.candidates(image), thresholds);
    }

    /** Candidates that pass their class's threshold, less the duplicates of a better box of the same class. */
    static List<Region> select(List<Region> candidates, DetectionThresholds thresholds) {
        List<Region> kept = new ArrayList<>();
        for (Region candidate : candidates) {
            if (candidate.score() < thresholds.of(candidate.label())) {
                continue;
            }
            boolean duplicate = kept.stream().anyMatch(k -> k.label().equals(candidate.label())
                    && iou(k, candidate) > SAME_OBJECT_IOU);
            if (!duplicate) {
                kept.add(candidate);
            }
        }
        return List.copyOf(kept);
    }

    static double iou(Region a, Region b) {
        double w = Math.min(a.x() + a.width(), b.x() + b.width()) - Math.max(a.x(), b.x());
        double h = Math.min(a.y() + a.height(), b.y() + b.height()) - Math.max(a.y(), b.y());
        if (w <= 0 || h <= 0) {
            return 0;
        }
        double overlap = w * h;
        return overlap / (a.width() * a.height() + b.width() * b.height() - overlap);
    }

    @Override
    public void close() {
        model.close();
    }
}
