package dev.photosearch.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** FIFOs and other files that are not regular, made for tests of what refuses to read them. */
public final class SpecialFiles {

    private SpecialFiles() {}

    /** Makes a FIFO (named pipe) with mkfifo(1), creating folders; the test is skipped where there is no mkfifo. */
    public static Path mkfifo(Path fifo) throws IOException, InterruptedException {
        Files.createDirectories(fifo.getParent());
        Process process;
        try {
            process = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        } catch (IOException e) {
            Assumptions.abort("needs the mkfifo program to make a FIFO: " + e.getMessage());
            throw e;
        }
        Assumptions.assumeTrue(process.waitFor() == 0, "mkfifo failed");
        return fifo;
    }
}
