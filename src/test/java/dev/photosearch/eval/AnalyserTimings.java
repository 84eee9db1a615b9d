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
 * stage's own cost shows. Usage: AnalyserTimings FOLDER (e.g. ../shared/data/coco-mini-captions/images).
 */
public final class AnalyserTimings {

    public static void main(String[] args) throws Exception {
        Scan scan = Sources.open(Path.of(args[0])).scan();
        Path thumbs = Files.createTempDirectory("timings");
        MediaLoader loader = new MediaLoader(thumbs, MediaLimits.DEFAULTS);
        Describer describer = new Describer();
        Map<String, List<Double>> ms = new LinkedHashMap<>();
        try (Analysers analysers = Analysers.standard(System.err::println)) {
            for (Photo photo : scan.photos()) {
                long t0 = System.nanoTime();
                Media media = loader.load(photo);
                record("load, decode, thumbnail", t0, ms);
                if (!media.ok()) {
                    continue;
                }
                List<Analysis> analyses = new ArrayList<>();
                for (Analyser analyser : analysers.list()) {
                    long t = System.nanoTime();
                    analyses.add(analyser.analyse(media.preview()));
                    record(analyser.name(), t, ms);
                }
                long t = System.nanoTime();
                describer.describe(photo, media, analyses);
                record("description (scenes, relations)", t, ms);
            }
        }
        System.out.printf("%d photos, one thread%n| stage | p50 ms | p90 ms | mean ms |%n|---|---|---|---|%n",
                scan.photos().size());
        ms.forEach((stage, values) -> {
            double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.1f |%n", stage, sorted[sorted.length / 2],
                    sorted[(int) (sorted.length * 0.9)], Arrays.stream(sorted).average().orElse(0));
        });
    }

    private static void record(String stage, long start, Map<String, List<Double>> ms) {
        ms.computeIfAbsent(stage, s -> new ArrayList<>()).add((System.nanoTime() - start) / 1e6);
    }

    private AnalyserTimings() {}
}
