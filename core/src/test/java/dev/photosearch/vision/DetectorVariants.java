package dev.photosearch.vision;

import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;

/**
 * Compares ways of finding more objects on the labelled COCO photos: a mirrored second pass, a zoomed centre crop,
 * a letterboxed pass, a second model (NanoDet, from {@code -Dnanodet.dir}), and their fusion. Runs each pass once
 * (cached under /tmp/detector-variants), times it in process CPU time, then tunes thresholds on one half of the
 * photos and measures on the other; {@code -Dvariants.time=true} also times the combined detectors. Not a test.
 */
public final class DetectorVariants {

    private static final Path CACHE = Path.of(System.getProperty("variants.cache", "/tmp/detector-variants"));

    private DetectorVariants() {}

    public static void main(String[] args) throws Exception {
        Path dir = args.length > 0 ? Path.of(args[0]) : CocoMini.dir().orElseThrow();
        List<CocoMini.Labelled> photos = CocoMini.labelled(dir);
        List<BufferedImage> images = new ArrayList<>();
        for (CocoMini.Labelled photo : photos) {
            images.add(ImageIO.read(photo.image().toFile()));
        }
        Files.createDirectories(CACHE);
        Map<String, List<List<Region>>> passes = new LinkedHashMap<>();
        Path nanoDetDir = Path.of(System.getProperty("nanodet.dir", "/tmp/package/models"));
        try (CenterNet centerNet = CenterNet.load(); NanoDet nanoDet = NanoDet.load(nanoDetDir)) {
            passes.put("centernet", pass("centernet", images, centerNet::candidates));
            passes.put("centernet-mirror", pass("centernet-mirror", images, i -> mirrored(centerNet, i)));
            passes.put("nanodet", pass("nanodet", images,
                    nanoDet::candidates));
            passes.put("centernet-centre", pass("centernet-centre", images, i -> centre(centerNet, i)));
            passes.put("centernet-letterbox", pass("centernet-letterbox", images,
                    new Letterboxed(centerNet)::candidates));
            if (Boolean.getBoolean("variants.time")) {
                Map<String, Detector> timed = new LinkedHashMap<>();
                timed.put("centernet (shipped before)", centerNet);
                timed.put("second look (letterboxed CenterNet when unsure)", ObjectDetector.model(centerNet));
                timed.put("centernet + letterboxed, always", image -> BoxFusion.fuse(List.of(
                        centerNet.candidates(image), new Letterboxed(centerNet).candidates(image))));
                timed.put("centernet + nanodet, always", image -> BoxFusion.fuse(List.of(
                        centerNet.candidates(image), nanoDet.candidates(image)), new double[] {1, 0.5}));
                time(timed, images);
            }
        }
        Set<String> labels = ObjectClass.coco().stream().map(ObjectClass::label).collect(Collectors.toSet());
        System.out.printf("%n| candidates | tuned on all: precision | recall | held out: precision | recall "
                + "| best recall at precision >= 0.90 (one threshold) |%n|---|---|---|---|---|---|%n");
        Map<String, Function<Integer, List<Region>>> configs = new LinkedHashMap<>();
        configs.put("centernet", i -> passes.get("centernet").get(i));
        configs.put("nanodet", i -> passes.get("nanodet").get(i));
        configs.put("centernet, letterboxed", i -> passes.get("centernet-letterbox").get(i));
        configs.put("centernet + mirror, fused", i -> BoxFusion.fuse(List.of(passes.get("centernet").get(i),
                passes.get("centernet-mirror").get(i))));
        configs.put("centernet + mirror, union", i -> union(passes.get("centernet").get(i),
                passes.get("centernet-mirror").get(i)));
        configs.put("centernet + letterboxed, fused", i -> BoxFusion.fuse(List.of(passes.get("centernet").get(i),
                passes.get("centernet-letterbox").get(i))));
        configs.put("second look: + letterboxed when a score is in [0.28, 0.30)", i -> secondLook(
                passes.get("centernet").get(i), passes.get("centernet-letterbox").get(i)));
        configs.put("centernet + nanodet, fused", i -> BoxFusion.fuse(List.of(passes.get("centernet").get(i),
                passes.get("nanodet").get(i))));
        configs.put("centernet + nanodet (1 : 0.5), fused", i -> BoxFusion.fuse(List.of(
                passes.get("centernet").get(i), passes.get("nanodet").get(i)), new double[] {1, 0.5}));
        configs.put("centernet + nanodet, union", i -> union(passes.get("centernet").get(i),
                passes.get("nanodet").get(i)));
        configs.put("centernet + centre crop, union", i -> union(passes.get("centernet").get(i),
                passes.get("centernet-centre").get(i)));
        configs.put("centernet + mirror + nanodet, fused", i -> BoxFusion.fuse(List.of(
                passes.get("centernet").get(i), passes.get("centernet-mirror").get(i), passes.get("nanodet").get(i))));
        for (Map.Entry<String, Function<Integer, List<Region>>> config : configs.entrySet()) {
            List<DetectorEvaluation.Scored> scored = new ArrayList<>();
            for (int i = 0; i < photos.size(); i++) {
                scored.add(new DetectorEvaluation.Scored(photos.get(i), config.getValue().apply(i)));
            }
            DetectorEvaluation.Counts all = DetectorEvaluation.tally(scored,
                    DetectorEvaluation.tune(scored, labels)).micro();
            DetectorEvaluation.Counts held = DetectorEvaluation.crossTally(everyOther(scored, 0),
                    everyOther(scored, 1), labels).micro();
            double bestRecall = 0;
            for (double t : DetectorEvaluation.grid()) {
                DetectorEvaluation.Counts c = DetectorEvaluation.tally(scored, new DetectionThresholds(t, Map.of()))
                        .micro();
                if (c.precision() >= 0.90) {
                    bestRecall = Math.max(bestRecall, c.recall());
                }
            }
            System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f | %.3f |%n", config.getKey(),
                    all.precision(), all.recall(), held.precision(), held.recall(), bestRecall);
        }
    }

    /** Process CPU time per photo of each detector, interleaved rounds, best round kept (others share the cores). */
    private static void time(Map<String, Detector> detectors, List<BufferedImage> images) {
        Map<String, Double> best = new LinkedHashMap<>();
        detectors.values().forEach(d -> d.candidates(images.get(0)));
        for (int round = 0; round < 2; round++) {
            for (Map.Entry<String, Detector> d : detectors.entrySet()) {
                long cpu = cpuNanos();
                images.forEach(d.getValue()::candidates);
                double ms = (cpuNanos() - cpu) / 1e6 / images.size();
                best.merge(d.getKey(), ms, Math::min);
            }
        }
        System.out.printf("%n| detector | process CPU ms per photo (best of 2 rounds) |%n|---|---|%n");
        best.forEach((name, ms) -> System.out.printf(Locale.ROOT, "| %s | %.1f |%n", name, ms));
    }

    /** What {@link SecondLook} answers, from the cached passes. */
    private static List<Region> secondLook(List<Region> first, List<Region> second) {
        return new SecondLook(image -> first, image -> second, 0.28, 0.30).candidates(null);
    }

    static List<Region> union(List<Region> a, List<Region> b) {
        List<Region> all = new ArrayList<>(a);
        all.addAll(b);
        all.sort(java.util.Comparator.comparingDouble(Region::score).reversed());
        return ObjectDetector.withoutDuplicates(all);
    }

    private static List<Region> mirrored(CenterNet model, BufferedImage image) {
        AffineTransform flip = new AffineTransform(-1, 0, 0, 1, image.getWidth(), 0);
        BufferedImage mirror = new AffineTransformOp(flip, AffineTransformOp.TYPE_NEAREST_NEIGHBOR).filter(image, null);
        return model.candidates(mirror).stream()
                .map(r -> new Region(r.label(), r.score(), 1 - r.x() - r.width(), r.y(), r.width(), r.height()))
                .toList();
    }

    /** The middle 60% of the photo, detected at full input size, boxes mapped back (cut ones dropped). */
    private static List<Region> centre(CenterNet model, BufferedImage image) {
        double from = 0.2;
        double side = 0.6;
        BufferedImage crop = image.getSubimage((int) (from * image.getWidth()), (int) (from * image.getHeight()),
                (int) (side * image.getWidth()), (int) (side * image.getHeight()));
        return model.candidates(crop).stream()
                .map(r -> new Region(r.label(), r.score(), from + side * r.x(), from + side * r.y(),
                        side * r.width(), side * r.height()))
                .toList();
    }

    private static List<List<Region>> pass(String name, List<BufferedImage> images,
            Function<BufferedImage, List<Region>> run) throws Exception {
        Path file = CACHE.resolve(name + ".tsv");
        if (Files.isRegularFile(file)) {
            return read(file);
        }
        run.apply(images.get(0));
        long cpu = cpuNanos();
        long wall = System.nanoTime();
        List<List<Region>> all = new ArrayList<>();
        for (BufferedImage image : images) {
            all.add(run.apply(image));
        }
        System.out.printf(Locale.ROOT, "%s: %.1f ms wall, %.1f ms process CPU per photo%n", name,
                (System.nanoTime() - wall) / 1e6 / images.size(), (cpuNanos() - cpu) / 1e6 / images.size());
        write(file, all);
        return all;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void write(Path file, List<List<Region>> all) throws Exception {
        List<String> lines = new ArrayList<>();
        for (List<Region> regions : all) {
            lines.add(regions.stream().map(r -> String.format(Locale.ROOT, "%s|%.5f|%.5f|%.5f|%.5f|%.5f",
                    r.label(), r.score(), r.x(), r.y(), r.width(), r.height())).collect(Collectors.joining("\t")));
        }
        Files.write(file, lines);
    }

    private static List<List<Region>> read(Path file) throws Exception {
        List<List<Region>> all = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            List<Region> regions = new ArrayList<>();
            if (!line.isEmpty()) {
                for (String cell : line.split("\t")) {
                    String[] f = cell.split("\\|");
                    regions.add(new Region(f[0], Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                            Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5])));
                }
            }
            all.add(regions);
        }
        return all;
    }

    private static <T> List<T> everyOther(List<T> list, int parity) {
        List<T> half = new ArrayList<>();
        for (int i = parity; i < list.size(); i += 2) {
            half.add(list.get(i));
        }
        return half;
    }
}
