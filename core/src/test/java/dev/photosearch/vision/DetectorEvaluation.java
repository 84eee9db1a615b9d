package dev.photosearch.vision;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;

/**
 * Measures the object detector as shipped (CenterNet with its second look) on the labelled COCO photos: per-class precision and recall of "this photo shows a
 * X", instance counts, latency and throughput, and proposes thresholds. Not a test; run it with
 * {@code mvn -q -o test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.photosearch.vision.DetectorEvaluation [-Dexec.args=COCO_DIR]}.
 */
public final class DetectorEvaluation {

    private static final double[] GRID = grid();
    // A class gets its own threshold only with this many photos showing it, and only if it helps clearly.
    private static final int MIN_POSITIVES_TO_TUNE = 10;
    private static final double MIN_GAIN = 0.05;
    // A wrong object in a description misleads search more than a missing one: precision weighs twice recall.
    private static final double BETA = 0.5;

    record Scored(CocoMini.Labelled photo, List<Region> candidates) {}

    private DetectorEvaluation() {}

    public static void main(String[] args) throws Exception {
        Path dir = args.length > 0 ? Path.of(args[0]) : CocoMini.dir().orElseThrow(
                () -> new IllegalArgumentException("no coco-mini-captions folder; pass its path"));
        List<CocoMini.Labelled> photos = CocoMini.labelled(dir);
        List<BufferedImage> images = new ArrayList<>();
        for (CocoMini.Labelled photo : photos) {
            images.add(ImageIO.read(photo.image().toFile()));
        }
        Set<String> labels = ObjectClass.coco().stream().map(ObjectClass::label).collect(Collectors.toSet());
        DetectionThresholds shipped = DetectionThresholds.shipped(labels);
        try (Detector model = ObjectDetector.model(CenterNet.load())) {
            for (int i = 0; i < 3; i++) {
                model.candidates(images.get(i));
            }
            long[] nanos = new long[images.size()];
            List<Scored> scored = new ArrayList<>();
            for (int i = 0; i < images.size(); i++) {
                long start = System.nanoTime();
                scored.add(new Scored(photos.get(i), model.candidates(images.get(i))));
                nanos[i] = System.nanoTime() - start;
            }
            printLatency(nanos);
            printThroughput(model, images, 2);

            System.out.printf("%n## Shipped thresholds (%s), all %d photos%n%n", LocalDate.now(), photos.size());
            printMetrics(tally(scored, shipped));

            System.out.printf("%n## One threshold for every class%n%n| threshold | precision | recall |%n|---|---|---|%n");
            for (double t : GRID) {
                Counts c = tally(scored, new DetectionThresholds(t, Map.of())).micro();
                System.out.printf(Locale.ROOT, "| %.3f | %.2f | %.2f |%n", t, c.precision(), c.recall());
            }
            DetectionThresholds tunedAll = tune(scored, labels);
            System.out.printf("%n## Proposed thresholds, tuned on all photos%n%n```%n%s```%n",
                    properties(tunedAll));
            List<Scored> even = everyOther(scored, 0);
            List<Scored> odd = everyOther(scored, 1);
            System.out.printf("%n## Held out: tuned on one half, measured on the other (both ways, summed)%n%n");
            printMetrics(crossTally(even, odd, labels));
        }
    }

    /** Thresholds chosen for the best micro F-score globally, then per class where there are enough examples. */
    static DetectionThresholds tune(List<Scored> scored, Set<String> labels) {
        double bestGlobal = GRID[0];
        double bestScore = -1;
        for (double t : GRID) {
            double score = tally(scored, new DetectionThresholds(t, Map.of())).micro().fScore();
            if (score > bestScore + 1e-9) {
                bestScore = score;
                bestGlobal = t;
            }
        }
        Map<String, Double> perClass = new TreeMap<>();
        for (String label : labels) {
            long positives = scored.stream().filter(s -> s.photo().counts().containsKey(label)).count();
            if (positives < MIN_POSITIVES_TO_TUNE) {
                continue;
            }
            double globalScore = tally(scored, new DetectionThresholds(bestGlobal, Map.of())).of(label).fScore();
            double best = bestGlobal;
            double bestClassScore = globalScore;
            for (double t : GRID) {
                double score = tally(scored, new DetectionThresholds(bestGlobal, Map.of(label, t))).of(label).fScore();
                if (score > bestClassScore + 1e-9) {
                    bestClassScore = score;
                    best = t;
                }
            }
            if (bestClassScore >= globalScore + MIN_GAIN) {
                perClass.put(label, best);
            }
        }
        return new DetectionThresholds(bestGlobal, perClass);
    }

    /** Presence of each class in each photo, and instance counts of the classes found in photos that show them. */
    static Tally tally(List<Scored> scored, DetectionThresholds thresholds) {
        Tally tally = new Tally();
        for (Scored s : scored) {
            Map<String, Integer> found = new HashMap<>();
            for (Region r : ObjectDetector.select(s.candidates(), thresholds)) {
                found.merge(r.label(), 1, Integer::sum);
            }
            tally.add(s.photo().counts(), found);
        }
        return tally;
    }

    static Tally crossTally(List<Scored> a, List<Scored> b, Set<String> labels) {
        Tally total = tally(b, tune(a, labels));
        total.addAll(tally(a, tune(b, labels)));
        return total;
    }

    private static void printMetrics(Tally tally) {
        System.out.println("| class | photos showing it | detected in | right | precision | recall | exact count "
                + "| too few |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (String label : tally.labels()) {
            Counts c = tally.of(label);
            if (c.truth() >= 3) {
                System.out.println(c.row(label));
            }
        }
        System.out.println(tally.micro().row("**all classes (micro)**"));
    }

    private static void printLatency(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("## Latency, one photo at a time (%d photos)%n%np50 %.1f ms, p90 %.1f ms, max %.1f ms%n",
                sorted.length, sorted[sorted.length / 2] / 1e6, sorted[sorted.length * 9 / 10] / 1e6,
                sorted[sorted.length - 1] / 1e6);
    }

    private static void printThroughput(Detector model, List<BufferedImage> images, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<?>> runs = new ArrayList<>();
            for (BufferedImage image : images) {
                runs.add(pool.submit(() -> model.candidates(image)));
            }
            for (Future<?> run : runs) {
                run.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%nThroughput with %d threads sharing the session: %.1f photos/s%n", threads,
                    images.size() / seconds);
        } finally {
            pool.shutdown();
        }
    }

    private static String properties(DetectionThresholds t) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "default=%.3f%n", t.global()));
        new TreeMap<>(t.perClass()).forEach((label, score) ->
                out.append(String.format(Locale.ROOT, "%s=%.3f%n", label.replace(" ", "\\ "), score)));
        return out.toString();
    }

    private static List<Scored> everyOther(List<Scored> scored, int parity) {
        List<Scored> half = new ArrayList<>();
        for (int i = parity; i < scored.size(); i += 2) {
            half.add(scored.get(i));
        }
        return half;
    }

    static double[] grid() {
        double[] grid = new double[25];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = 0.10 + 0.025 * i;
        }
        return grid;
    }

    /** Per-class counts of photos: showing the class, where it was detected, both, and with the exact count. */
    static final class Counts {
        int truth;
        int detected;
        int right;
        int exactCount;
        int tooFew;

        int truth() {
            return truth;
        }

        double precision() {
            return detected == 0 ? 1 : (double) right / detected;
        }

        double recall() {
            return truth == 0 ? 1 : (double) right / truth;
        }

        double fScore() {
            double p = precision();
            double r = recall();
            double b2 = BETA * BETA;
            return p + r == 0 ? 0 : (1 + b2) * p * r / (b2 * p + r);
        }

        void add(Counts other) {
            truth += other.truth;
            detected += other.detected;
            right += other.right;
            exactCount += other.exactCount;
            tooFew += other.tooFew;
        }

        String row(String label) {
            return String.format(Locale.ROOT, "| %s | %d | %d | %d | %.2f | %.2f | %s | %s |", label, truth,
                    detected, right, precision(), recall(), share(exactCount), share(tooFew));
        }

        private String share(int n) {
            return right == 0 ? "-" : String.format(Locale.ROOT, "%.2f", (double) n / right);
        }
    }

    /** Counts for every class. */
    static final class Tally {
        private final Map<String, Counts> byLabel = new TreeMap<>();

        void add(Map<String, Integer> truth, Map<String, Integer> found) {
            Set<String> labels = new TreeSet<>(truth.keySet());
            labels.addAll(found.keySet());
            for (String label : labels) {
                Counts c = byLabel.computeIfAbsent(label, l -> new Counts());
                boolean shows = truth.containsKey(label);
                boolean seen = found.containsKey(label);
                c.truth += shows ? 1 : 0;
                c.detected += seen ? 1 : 0;
                if (shows && seen) {
                    c.right++;
                    c.exactCount += truth.get(label).equals(found.get(label)) ? 1 : 0;
                    c.tooFew += found.get(label) < truth.get(label) ? 1 : 0;
                }
            }
        }

        void addAll(Tally other) {
            other.byLabel.forEach((label, c) -> byLabel.computeIfAbsent(label, l -> new Counts()).add(c));
        }

        Set<String> labels() {
            return byLabel.keySet();
        }

        Counts of(String label) {
            return byLabel.getOrDefault(label, new Counts());
        }

        Counts micro() {
            Counts all = new Counts();
            byLabel.values().forEach(all::add);
            return all;
        }
    }
}
