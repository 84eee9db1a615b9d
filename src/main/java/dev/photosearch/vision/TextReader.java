package dev.photosearch.vision;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads text in the image (signs, posters, screenshots) with Tesseract, only where {@link TextGate} sees rows of
 * letter-like shapes: most photos have none and cost a few milliseconds. Tesseract reads the part of the picture
 * around those rows, not the whole: on COCO and ImageNet photos that reads as many real words for about 40% less, as
 * clutter elsewhere (foliage, crowds) is what it spends its time on. Natural photos make Tesseract see letters in
 * foliage and fences, so only confident, word-like results are kept.
 */
public final class TextReader implements Analyser, AutoCloseable {

    /** The words before the text read in a picture: text reads "OPEN". */
    static final String READS = "text reads";
    private static final Logger LOG = LoggerFactory.getLogger(TextReader.class);

    /** Tesseract's confidence (0-100) below which a word is taken for texture. */
    static final double MIN_CONFIDENCE = 80;
    private static final List<String> WANTED_LANGUAGES = List.of("eng", "fra");
    private static final Pattern DATA_PATH = Pattern.compile("\"(.+)\"");

    private final Tesseract tesseract;
    private final Function<BufferedImage, List<Rectangle>> gate;

    TextReader(Tesseract tesseract, Function<BufferedImage, List<Rectangle>> gate) {
        this.tesseract = tesseract;
        this.gate = gate;
    }

    /** The reader, when a Tesseract with English or French data is installed. */
    public static Optional<TextReader> find() {
        return find("tesseract");
    }

    /** Tesseract's library when it loads here, else the program; the program also tells where the languages are. */
    static Optional<TextReader> find(String executable) {
        return installed(executable).map(found -> {
            Tesseract tesseract;
            try {
                tesseract = TesseractLibrary.load(found.dataPath(), found.languages());
            } catch (LinkageError | RuntimeException e) {
                LOG.info("Tesseract's library does not load here, running the tesseract program instead: {}",
                        e.toString());
                tesseract = new TesseractProgram(executable, found.languages());
            }
            return new TextReader(tesseract, TextGate::rows);
        });
    }

    private record Installed(String dataPath, String languages) {}

    private static Optional<Installed> installed(String executable) {
        try {
            Process process = new ProcessBuilder(executable, "--list-langs").redirectErrorStream(true).start();
            String listing = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return Optional.empty();
            }
            // The first line names the data folder: List of available languages in "/usr/share/.../tessdata/" (3):
            Matcher folder = DATA_PATH.matcher(listing.lines().findFirst().orElse(""));
            List<String> installed = listing.lines().map(String::strip).toList();
            String languages = WANTED_LANGUAGES.stream().filter(installed::contains).collect(Collectors.joining("+"));
            return languages.isEmpty() ? Optional.empty()
                    : Optional.of(new Installed(folder.find() ? folder.group(1) : "", languages));
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
        return 4;
    }

    @Override
    public Analysis analyse(BufferedImage image) {
        List<Rectangle> rows = gate.apply(image);
        List<Region> lines = rows.isEmpty() ? List.of()
                : read(image, around(rows, image.getWidth(), image.getHeight()));
        if (lines.isEmpty()) {
            return new Analysis(name(), version(), "", List.of(), Map.of());
        }
        String text = lines.stream().map(Region::label).collect(Collectors.joining(" "));
        List<String> terms = List.of(text.toLowerCase(Locale.ROOT).split(" "));
        return new Analysis(name(), version(), READS + " \"" + text + "\"", terms, Map.of("text", text), lines);
    }

    private List<Region> read(BufferedImage image, Rectangle area) {
        String tsv = tesseract.read(image.getSubimage(area.x, area.y, area.width, area.height));
        return lines(tsv, area, image.getWidth(), image.getHeight());
    }

    @Override
    public void close() {
        tesseract.close();
    }

    /**
     * The part of the image to read: the rows, each with one row's height above and below (neighbouring lines,
     * ascenders) and two at each end (letters the gate did not join to the row).
     */
    static Rectangle around(List<Rectangle> rows, int width, int height) {
        return rows.stream()
                .map(row -> new Rectangle(row.x - 2 * row.height, row.y - row.height, row.width + 4 * row.height,
                        3 * row.height))
                .reduce(Rectangle::union).orElseThrow().intersection(new Rectangle(width, height));
    }

    /**
     * Confident words of Tesseract's TSV output for {@code area} of a {@code width} × {@code height} image, gathered
     * into lines with their boxes as shares of the whole image.
     */
    static List<Region> lines(String tsv, Rectangle area, int width, int height) {
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
                int x = area.x + Integer.parseInt(w[6]);
                int y = area.y + Integer.parseInt(w[7]);
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

    /** Letters and digits only (once end punctuation is cut), at least three letters: "GRILL", not "|", "“4", "At". */
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
