package dev.photosearch.vision;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/** The tesseract program, started once per photo; used where the library does not load. */
final class TesseractProgram implements Tesseract {

    private static final long TIMEOUT_SECONDS = 60;

    private final String executable;
    private final String languages;

    TesseractProgram(String executable, String languages) {
        this.executable = executable;
        this.languages = languages;
    }

    /** The command line, for one image read from stdin. */
    List<String> command() {
        return List.of(executable, "stdin", "stdout", "-l", languages, "--psm", String.valueOf(SPARSE_TEXT), "tsv");
    }

    @Override
    public String read(BufferedImage image) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command()).redirectError(ProcessBuilder.Redirect.DISCARD);
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

    @Override
    public void close() {
        // Nothing is kept between photos.
    }
}
