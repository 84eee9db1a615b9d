package dev.photosearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.photosearch.testing.SpecialFiles;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What `photosearch index` says and answers when a source or the home folder cannot be used. */
class IndexFailuresTest {

    @TempDir
    Path dir;

    @Test
    void aFifoGivenAsSourceIsRefusedInOneLineWithoutHanging() throws Exception {
        Path fifo = SpecialFiles.mkfifo(dir.resolve("x/list.txt"));

        CommandLineTest.Run run = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> CommandLineTest.runIn(dir.resolve("home"), "index", fifo.toString()));

        assertEquals(1, run.code());
        assertEquals(List.of("photosearch: " + fifo + ": " + fifo + " is a FIFO (named pipe), not a file or folder:"
                + " refused without reading it", "  nothing already indexed was changed."), run.err().lines().toList());
    }

    @Test
    void aRunThatCouldNotWriteThumbnailsSaysSoAndFailsAndTheNextRunDoesThem() throws Exception {
        Path photos = Files.createDirectories(dir.resolve("photos"));
        for (String name : new String[] {"a.jpg", "b.jpg"}) {
            ImageIO.write(new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB), "jpeg", photos.resolve(name).toFile());
        }
        Path home = Files.createDirectories(dir.resolve("home"));
        // A file where the folder should be: root can write into a read-only folder, but not into a file.
        Path blocker = Files.writeString(home.resolve("thumbnails"), "in the way");

        CommandLineTest.Run blocked = CommandLineTest.runIn(home, "index", photos.toString());

        assertEquals(1, blocked.code(), blocked.out() + blocked.err());
        assertTrue(blocked.err().contains("2 thumbnail(s) could not be written in " + blocker), blocked.err());
        assertTrue(blocked.out().contains("2 new"), blocked.out());
        assertTrue(blocked.out().contains("image tried again on the next run: 2 (thumbnail not written)"),
                blocked.out());

        Files.delete(blocker);
        CommandLineTest.Run freed = CommandLineTest.runIn(home, "index", photos.toString());

        assertEquals(0, freed.code(), freed.err());
        assertTrue(freed.out().contains("0 new, 2 updated, 0 unchanged"), freed.out());
        assertEquals(2, Files.list(home.resolve("thumbnails")).mapToLong(d -> d.toFile().list().length).sum());
    }
}
