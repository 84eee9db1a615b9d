package dev.photosearch.eval;

import dev.photosearch.media.Media;
import dev.photosearch.media.MediaLimits;
import dev.photosearch.media.MediaLoader;
import dev.photosearch.source.Photo;
import dev.photosearch.vision.Analysis;
import dev.photosearch.vision.TextReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the text of every photo of a folder with the text reader, one photo at a time, and writes one line per photo
 * (path, wall milliseconds, words, CPU milliseconds of this thread, Tesseract's included). Given the lines of an earlier run, it also counts the words kept and lost against it.
 * Usage: TextReadingReport FOLDER OUT.tsv [BEFORE.tsv].
 */
public final class TextReadingReport {

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]);
        TextReader reader = TextReader.load();
        MediaLoader loader = new MediaLoader(Files.createTempDirectory("text-report"), MediaLimits.DEFAULTS);
        Map<String, Set<String>> words = new LinkedHashMap<>();
        List<Double> ms = new ArrayList<>();
        List<Double> cpuMs = new ArrayList<>();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8))) {
            for (Photo photo : dev.photosearch.source.Sources.open(folder).scan().photos()) {
                Media media = loader.load(photo);
                if (!media.ok()) {
                    continue;
                }
                long start = System.nanoTime();
                long cpuStart = threads.getCurrentThreadCpuTime();
                Analysis analysis = reader.analyse(media.preview());
                double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
                double took = (System.nanoTime() - start) / 1e6;
                ms.add(took);
                cpuMs.add(cpu);
                Set<String> found = new LinkedHashSet<>(analysis.terms());
                words.put(photo.path(), found);
                out.printf(Locale.ROOT, "%s\t%.1f\t%s\t%.1f%n", photo.path(), took, String.join(" ", found), cpu);
            }
        }
        long withWords = words.values().stream().filter(w -> !w.isEmpty()).count();
        System.out.printf("%d photos, %d with words%n", ms.size(), withWords);
        print("wall", ms);
        print("thread CPU", cpuMs);
        if (args.length > 2) {
            compare(read(Path.of(args[2])), words);
        }
    }

    private static void print(String what, List<Double> ms) {
        double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "text reading, %s ms: p50 %.1f p90 %.1f mean %.1f%n", what,
                sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.9)],
                Arrays.stream(sorted).average().orElse(0));
    }

    private static void compare(Map<String, Set<String>> before, Map<String, Set<String>> now) {
        int kept = 0;
        int lost = 0;
        int added = 0;
        int photosLost = 0;
        for (var entry : before.entrySet()) {
            Set<String> was = entry.getValue();
            Set<String> is = now.getOrDefault(entry.getKey(), Set.of());
            Set<String> missing = was.stream().filter(w -> !is.contains(w))
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            kept += was.size() - missing.size();
            lost += missing.size();
            added += (int) is.stream().filter(w -> !was.contains(w)).count();
            if (!was.isEmpty() && is.isEmpty()) {
                photosLost++;
            }
            if (!missing.isEmpty()) {
                System.out.printf("lost %s: %s (now: %s)%n", entry.getKey(), missing, is);
            }
        }
        System.out.printf("words before %d: kept %d, lost %d; new words %d; photos whose words all went: %d%n",
                kept + lost, kept, lost, added, photosLost);
    }

    private static Map<String, Set<String>> read(Path tsv) throws IOException {
        Map<String, Set<String>> words = new LinkedHashMap<>();
        for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
            String[] c = line.split("\t", -1);
            words.put(c[0], c[2].isBlank() ? Set.of() : new LinkedHashSet<>(Arrays.asList(c[2].split(" "))));
        }
        return words;
    }

    private TextReadingReport() {}
}
