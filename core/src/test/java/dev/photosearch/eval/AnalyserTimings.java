package dev.photosearch.eval;

import dev.photosearch.media.Media;
import dev.photosearch.media.MediaLimits;
import dev.photosearch.media.MediaLoader;
import dev.photosearch.source.Photo;
import dev.photosearch.source.Scan;
import dev.photosearch.source.Sources;
import dev.photosearch.vision.Analyser;
import dev.photosearch.vision.Analysers;
import dev.photosearch.vision.Analysis;
import dev.photosearch.vision.Describer;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Times each analyser and the description on every photo of a folder, one photo at a time on one thread, so each
 * stage's own cost shows: wall time, and the CPU time of the whole process during the stage (the detector's own
 * threads included), which other programs on the machine disturb much less. Usage: AnalyserTimings FOLDER (e.g.
 * ../shared/data/coco-mini-captions/images).
 */
public final class AnalyserTimings {

    public static void main(String[] args) throws Exception {
        Scan scan = Sources.open(Path.of(args[0])).scan();
        Path thumbs = Files.createTempDirectory("timings");
        MediaLoader loader = new MediaLoader(thumbs, MediaLimits.DEFAULTS);
        Describer describer = new Describer();
        Map<String, List<Double>> ms = new LinkedHashMap<>();
        Map<String, List<Double>> cpu = new LinkedHashMap<>();
        try (Analysers analysers = Analysers.standard(System.err::println)) {
            for (Photo photo : scan.photos()) {
                long t0 = System.nanoTime();
                long c0 = processCpu();
                Media media = loader.load(photo);
                record("load, decode, thumbnail", t0, c0, ms, cpu);
                if (!media.ok()) {
                    continue;
                }
                List<Analysis> analyses = new ArrayList<>();
                for (Analyser analyser : analysers.list()) {
                    long t = System.nanoTime();
                    long c = processCpu();
                    analyses.add(analyser.analyse(media.preview()));
                    record(analyser.name(), t, c, ms, cpu);
                }
                long t = System.nanoTime();
                long c = processCpu();
                describer.describe(photo, media, analyses);
                record("description (scenes, relations)", t, c, ms, cpu);
            }
        }
        System.out.printf("%d photos, one thread%n| stage | p50 ms | p90 ms | mean ms | CPU p50 ms | CPU p90 ms "
                + "| CPU mean ms |%n|---|---|---|---|---|---|---|%n", scan.photos().size());
        ms.forEach((stage, values) -> System.out.printf(Locale.ROOT, "| %s | %s | %s |%n", stage, summary(values),
                summary(cpu.get(stage))));
    }

    private static String summary(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return String.format(Locale.ROOT, "%.1f | %.1f | %.1f", sorted[sorted.length / 2],
                sorted[(int) (sorted.length * 0.9)], Arrays.stream(sorted).average().orElse(0));
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void record(String stage, long start, long cpuStart, Map<String, List<Double>> ms,
            Map<String, List<Double>> cpu) {
        ms.computeIfAbsent(stage, s -> new ArrayList<>()).add((System.nanoTime() - start) / 1e6);
        cpu.computeIfAbsent(stage, s -> new ArrayList<>()).add((processCpu() - cpuStart) / 1e6);
    }

    private AnalyserTimings() {}
}
