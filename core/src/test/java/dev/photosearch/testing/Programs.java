package dev.photosearch.testing;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Optional programs some tests need: such a test is skipped, saying why, on a machine that lacks them. */
public final class Programs {

    /** What to install for libheif's heif-enc and heif-convert. */
    public static final String LIBHEIF = "libheif-examples is not installed (heif-enc, heif-convert); .ci/run installs it";

    private Programs() {}

    /** Skips the calling test unless every program runs here. */
    public static void assumeInstalled(String why, String... programs) {
        for (String program : programs) {
            Assumptions.assumeTrue(installed(program), why);
        }
    }

    /** Whether the program starts and answers {@code --help} within 10 s. */
    public static boolean installed(String program) {
        try {
            Process process = new ProcessBuilder(program, "--help").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
