package dev.photosearch.vision;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Runs CenterNet with TensorFlow Java and with ONNX Runtime (the model converted by our converter) on every photo of
 * the given folders and reports how far the candidates differ: same classes, scores within 1e-4, boxes within 1e-3,
 * and the per-photo time of each. Not a test; run with {@code mvn -q test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=dev.photosearch.vision.DetectorComparison -Dexec.args="DIR..."}.
 */
public final class DetectorComparison {

    private static final double SCORE_TOLERANCE = 1e-4;
    private static final double BOX_TOLERANCE = 1e-3;

    private DetectorComparison() {}

    public static void main(String[] args) throws Exception {
        Path tfjs = Path.of("vision-models/node_modules/@vladmandic/human/models");
        try (TfCenterNet tf = new TfCenterNet(tfjs); CenterNet onnx = CenterNet.load()) {
            for (String dir : args) {
                compare(Path.of(dir), tf, onnx);
            }
        }
    }

    private static void compare(Path dir, Detector tf, Detector onnx) throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> p.toString().matches("(?i).*\\.(jpe?g|png)$")).sorted().toList();
        }
        int photos = 0;
        int unreadable = 0;
        int candidates = 0;
        int unmatched = 0;
        int differentObjects = 0;
        double worstScore = 0;
        double worstBox = 0;
        String worstScorePhoto = "";
        String worstBoxPhoto = "";
        long[] tfNanos = new long[files.size()];
        long[] onnxNanos = new long[files.size()];
        long[] tfCpu = new long[files.size()];
        long[] onnxCpu = new long[files.size()];
        for (Path file : files) {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                unreadable++;
                continue;
            }
            // Alternate which runs first, so neither gains from a warm cache. CPU is the whole process's: TensorFlow
            // computes on its own threads, and a loaded machine stretches wall times by the number of threads.
            boolean tfFirst = photos % 2 == 0;
            List<Region> a = tfFirst ? timed(() -> tf.candidates(image), tfNanos, tfCpu, photos) : null;
            List<Region> b = timed(() -> onnx.candidates(image), onnxNanos, onnxCpu, photos);
            if (!tfFirst) {
                a = timed(() -> tf.candidates(image), tfNanos, tfCpu, photos);
            }
            photos++;
            candidates += a.size();
            List<Region> left = new ArrayList<>(b);
            for (Region r : a) {
                Region match = left.stream().filter(o -> o.label().equals(r.label()) && box(o, r) <= BOX_TOLERANCE
                        && Math.abs(o.score() - r.score()) <= SCORE_TOLERANCE).findFirst().orElse(null);
                if (match == null) {
                    unmatched++;
                    System.out.printf(Locale.ROOT, "  %s: no match for %s %.5f%n", file.getFileName(), r.label(),
                            r.score());
                    continue;
                }
                left.remove(match);
                double score = Math.abs(match.score() - r.score());
                double box = box(match, r);
                if (score > worstScore) {
                    worstScore = score;
                    worstScorePhoto = file.getFileName().toString();
                }
                if (box > worstBox) {
                    worstBox = box;
                    worstBoxPhoto = file.getFileName().toString();
                }
            }
            unmatched += left.size();
            DetectionThresholds thresholds = DetectionThresholds.shipped(
                    ObjectClass.coco().stream().map(ObjectClass::label).collect(java.util.stream.Collectors.toSet()));
            if (!labels(ObjectDetector.select(a, thresholds)).equals(labels(ObjectDetector.select(b, thresholds)))) {
                differentObjects++;
            }
        }
        System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %d | %.2e (%s) | %.2e (%s) | %d | %.0f / %.0f ms |"
                + " %.0f / %.0f ms |%n", dir.getFileName(), photos, unreadable, candidates, unmatched, worstScore,
                worstScorePhoto, worstBox, worstBoxPhoto, differentObjects, p50(tfNanos, photos),
                p50(onnxNanos, photos), p50(tfCpu, photos), p50(onnxCpu, photos));
    }

    private static List<Region> timed(java.util.function.Supplier<List<Region>> run, long[] nanos, long[] cpu, int i) {
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        List<Region> result = run.get();
        nanos[i] = System.nanoTime() - t0;
        cpu[i] = os.getProcessCpuTime() - cpu0;
        return result;
    }

    private static List<String> labels(List<Region> regions) {
        return regions.stream().map(Region::label).sorted().toList();
    }

    /** The largest difference between the two boxes' coordinates. */
    private static double box(Region a, Region b) {
        return Math.max(Math.max(Math.abs(a.x() - b.x()), Math.abs(a.y() - b.y())),
                Math.max(Math.abs(a.width() - b.width()), Math.abs(a.height() - b.height())));
    }

    private static double p50(long[] nanos, int n) {
        long[] sorted = Arrays.copyOf(nanos, n);
        Arrays.sort(sorted);
        return sorted[n / 2] / 1e6;
    }
}
