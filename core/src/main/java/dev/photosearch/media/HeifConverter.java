package dev.photosearch.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Decodes HEIF pictures (HEIC from phones, AVIF), which Java's image readers lack, with libheif's {@code heif-convert}
 * program: the bytes go to a temporary file and come back as a JPEG at quality 95, turned upright by libheif (a
 * 12-megapixel photo takes about 1 s, against 4.3 s as a PNG; the preview is a tenth of its size anyway). Without
 * the program, such a picture gets a problem that says how to install it ({@link MediaProblem#heifConverterMissing}),
 * and the next run tries it again.
 */
final class HeifConverter {

    /** The format names of the pictures it decodes. */
    static final Set<String> FORMATS = Set.of("heic", "avif");

    private static final Set<String> HEIC_BRANDS = Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "hevm",
            "hevs", "mif1", "msf1");
    private static final Set<String> AVIF_BRANDS = Set.of("avif", "avis");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final String program;

    HeifConverter(String program) {
        this.program = program;
    }

    /** "heic" or "avif" when the bytes start as an ISO file of that kind ({@code ftyp} box and brand), else null. */
    static String formatOf(byte[] bytes) {
        if (bytes.length < 12 || !"ftyp".equals(new String(bytes, 4, 4, StandardCharsets.ISO_8859_1))) {
            return null;
        }
        String brand = new String(bytes, 8, 4, StandardCharsets.ISO_8859_1);
        return HEIC_BRANDS.contains(brand) ? "heic" : AVIF_BRANDS.contains(brand) ? "avif" : null;
    }

    /** The picture as JPEG bytes, upright; fails with a readable problem, never with the program's own crash. */
    byte[] toJpeg(byte[] heif) throws MediaProblem {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("photosearch-heif");
            Path in = Files.write(dir.resolve("in"), heif);
            Path out = dir.resolve("out.jpg");
            Path log = dir.resolve("log");
            Process process;
            try {
                process = new ProcessBuilder(program, "--quiet", "-q", "95", in.toString(), out.toString())
                        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            } catch (IOException e) {
                throw MediaProblem.heifConverterMissing();
            }
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw MediaProblem.timedOut(TIMEOUT);
            }
            if (process.exitValue() != 0 || !Files.isRegularFile(out)) {
                String said = Files.readString(log, StandardCharsets.UTF_8).strip().lines().findFirst().orElse("");
                throw MediaProblem.corrupt("heif", said.isEmpty() ? "heif-convert failed" : said);
            }
            return Files.readAllBytes(out);
        } catch (IOException e) {
            throw MediaProblem.unreadable(String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw MediaProblem.interrupted();
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary folder left behind is only clutter in the system's temporary directory.
        }
    }
}
