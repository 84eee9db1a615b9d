package dev.photosearch.vision;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
    /**
     * Score from which a class not otherwise found is still mentioned as "perhaps": a description that names a
     * likely object helps search find the photo more than a wrong guess hurts it (docs/benchmarks.md).
     */
    static final double PERHAPS = 0.15;
    private static final int MAX_PERHAPS = 3;
    /**
     * Photos where CenterNet scores an object just below the global threshold are looked at a second time,
     * letterboxed; about a fifth of photos, so a fifth more detector time (docs/benchmarks.md).
     */
    private static final double UNSURE_FROM = 0.28;
    private static final double UNSURE_TO = 0.30;

    private final Detector model;
    private final DetectionThresholds thresholds;
    private final Map<String, ObjectClass> classes;

    ObjectDetector(Detector model, DetectionThresholds thresholds, List<ObjectClass> classes) {
        this.model = model;
        this.thresholds = thresholds;
        this.classes = classes.stream().collect(Collectors.toUnmodifiableMap(ObjectClass::label, Function.identity()));
    }

    /** Loads the shipped model and thresholds; takes a few seconds. */
    public static ObjectDetector load() throws IOException {
        List<ObjectClass> classes = ObjectClass.coco();
        DetectionThresholds thresholds = DetectionThresholds.shipped(
                classes.stream().map(ObjectClass::label).collect(Collectors.toSet()));
        return new ObjectDetector(model(CenterNet.load()), thresholds, classes);
    }

    /** The shipped way of using the model: a second, letterboxed look at photos where it is unsure. */
    static Detector model(CenterNet centerNet) {
        return new SecondLook(centerNet, new Letterboxed(centerNet), UNSURE_FROM, UNSURE_TO);
    }

    @Override
    public String name() {
        return "objects";
    }

    @Override
    public int version() {
        return 5;
    }

    @Override
    public Analysis analyse(BufferedImage image) {
        List<Region> candidates = model.candidates(image);
        List<Region> objects = select(candidates, thresholds);
        ObjectSummary summary = ObjectSummary.of(objects, classes);
        List<String> perhaps = perhaps(candidates, objects);
        Map<String, String> facts = new LinkedHashMap<>();
        if (!objects.isEmpty()) {
            facts.put("objects", summary.countsFact());
        }
        List<String> terms = new ArrayList<>(summary.terms());
        List<String> named = new ArrayList<>();
        for (String label : perhaps) {
            named.add(ObjectSummary.counted(classes.get(label), 1));
            terms.add(label);
        }
        String phrase = summary.phrase();
        if (!perhaps.isEmpty()) {
            facts.put("perhaps", String.join(",", perhaps));
            String maybe = "perhaps " + ObjectSummary.englishList(named);
            phrase = phrase.isEmpty() ? maybe : phrase + "; " + maybe;
        }
        return new Analysis(name(), version(), phrase, terms, facts, objects);
    }

    /** Classes not found but with a candidate above {@link #PERHAPS}, best first, at most three. */
    static List<String> perhaps(List<Region> candidates, List<Region> found) {
        List<String> labels = new ArrayList<>();
        for (Region candidate : candidates) {
            if (candidate.score() >= PERHAPS && labels.size() < MAX_PERHAPS && !labels.contains(candidate.label())
                    && found.stream().noneMatch(f -> f.label().equals(candidate.label()))) {
                labels.add(candidate.label());
            }
        }
        return labels;
    }

    /** The objects found, best first, in coordinates relative to the image. */
    public List<Region> detect(BufferedImage image) {
        return select(model.candidates(image), thresholds);
    }

    /** Candidates that pass their class's threshold, less the duplicates of a better box of the same class. */
    static List<Region> select(List<Region> candidates, DetectionThresholds thresholds) {
        return withoutDuplicates(candidates.stream().filter(c -> c.score() >= thresholds.of(c.label())).toList());
    }

    /**
     * Boxes, best first, less those overlapping a better box of the same class by more than
     * {@link #SAME_OBJECT_IOU}.
     */
    static List<Region> withoutDuplicates(List<Region> candidates) {
        List<Region> kept = new ArrayList<>();
        for (Region candidate : candidates) {
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
