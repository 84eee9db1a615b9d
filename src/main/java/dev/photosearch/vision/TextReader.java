package dev.photosearch.vision;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;

/**
 * Reads text in the image (signs, posters, screenshots) with the Tesseract command-line program. Natural photos make
 * Tesseract see letters in foliage and fences, so only confident, word-like results are kept.
 */
public final class TextReader implements Analyser {

    /** Tesseract's confidence (0-100) below which a word is taken for texture. */
    static final double MIN_CONFIDENCE = 80;
    private static final List<String> WANTED_LANGUAGES = List.of("eng", "fra");
    private static final long TIMEOUT_SECONDS = 60;

    private final String executable;
    private final String languages;

    TextReader(String executable, String languages) {
        this.executable = executable;
        this.languages = languages;
    }

    /** The reader, when a Tesseract with English or French data is installed. */
    public static Optional<TextReader> find() {
        return find("tesseract");
    }

    static Optional<TextReader> find(String executable) {
        try {
            Process process = new ProcessBuilder(executable, "--list-langs").redirectErrorStream(true).start();
            String listing = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return Optional.empty();
            }
            List<String> installed = listing.lines().map(String::strip).toList();
            String languages = WANTED_LANGUAGES.stream().filter(installed::contains).collect(Collectors.joining("+"));
            return languages.isEmpty() ? Optional.empty() : Optional.of(new TextReader(executable, languages));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public String name() {
        return "text";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public Analysis analyse(BufferedImage image) {
        List<Region> lines = lines(runTesseract(image), image.getWidth(), image.getHeight());
        if (lines.isEmpty()) {
            return new Analysis(name(), version(), "", List.of(), Map.of());
        }
        String text = lines.stream().map(Region::label).collect(Collectors.joining(" "));
        List<String> terms = List.of(text.toLowerCase(Locale.ROOT).split(" "));
        return new Analysis(name(), version(), "text reads \"" + text + "\"", terms, Map.of("text", text), lines);
    }

    private String runTesseract(BufferedImage image) {
        try {
            // Page segmentation 11: sparse text anywhere in the picture, as on signs, rather than a page layout.
            ProcessBuilder builder = new ProcessBuilder(executable, "stdin", "stdout", "-l", languages, "--psm", "11",
                    "tsv").redirectError(ProcessBuilder.Redirect.DISCARD);
            // The indexing pool already runs one photo per core.
            builder.environment().put("OMP_THREAD_LIMIT", "1");
            Process process = builder.start();
            try (OutputStream in = process.getOutputStream()) {
                ImageIO.write(image, "png", in);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (InputStream stdout = process.getInputStream()) {
                stdout.transferTo(out);
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("tesseract took more than " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("tesseract exited with code " + process.exitValue());
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run tesseract", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading text", e);
        }
    }

    /** Confident words of Tesseract's TSV output, gathered into lines with their boxes. */
    static List<Region> lines(String tsv, int width, int height) {
        Map<String, List<String[]>> byLine = new LinkedHashMap<>();
        for (String row : tsv.split("\n")) {
            String[] c = row.split("\t", -1);
            // Columns: level page block paragraph line word left top width height confidence text; level 5 = word.
            if (c.length < 12 || !c[0].equals("5") || !isWord(c[11].strip()) || confidence(c[10]) < MIN_CONFIDENCE) {
                continue;
            }
            byLine.computeIfAbsent(c[2] + "/" + c[3] + "/" + c[4], k -> new ArrayList<>()).add(c);
        }
        List<Region> lines = new ArrayList<>();
        for (List<String[]> words : byLine.values()) {
            int left = Integer.MAX_VALUE;
            int top = Integer.MAX_VALUE;
            int right = 0;
            int bottom = 0;
            double confidence = 0;
            List<String> text = new ArrayList<>();
            for (String[] w : words) {
                int x = Integer.parseInt(w[6]);
                int y = Integer.parseInt(w[7]);
                left = Math.min(left, x);
                top = Math.min(top, y);
                right = Math.max(right, x + Integer.parseInt(w[8]));
                bottom = Math.max(bottom, y + Integer.parseInt(w[9]));
                confidence += confidence(w[10]);
                text.add(trimPunctuation(w[11].strip()));
            }
            lines.add(new Region(String.join(" ", text), confidence / words.size() / 100, (double) left / width,
                    (double) top / height, (double) (right - left) / width, (double) (bottom - top) / height));
        }
        return lines;
    }

    /** Letters and digits only (once end punctuation is cut), at least three letters: "GRILL", not "|", "“4" or "At". */
    static boolean isWord(String token) {
        String core = trimPunctuation(token);
        long letters = core.codePoints().filter(Character::isLetter).count();
        long alnum = core.codePoints().filter(Character::isLetterOrDigit).count();
        return letters >= 3 && alnum == core.codePoints().count();
    }

    private static String trimPunctuation(String token) {
        return token.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "");
    }

    private static double confidence(String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
