package dev.photosearch.media;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.photosearch.source.MediaLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Coverage-guided fuzzing of the image front (Jazzer): whatever bytes a photo file holds, loading it gives a thumbnail
 * and a preview within the limits, or a problem text; never an exception, and a bomb is refused within the timeout.
 * HEIC and AVIF are handed to a heif-convert that is not installed here, so the fuzzer stays in this process.
 */
@Timeout(30)
class MediaFuzzTest {

    @TempDir
    static Path dir;

    private static MediaLoader loader;

    @BeforeAll
    static void loader() {
        loader = new MediaLoader(dir.resolve("thumbnails"), MediaLimits.DEFAULTS, "photosearch-fuzz-no-heif-convert");
    }

    @FuzzTest
    void load(byte[] bytes) throws IOException {
        Path file = Files.write(dir.resolve("photo"), bytes);

        Media media = loader.load(TestImages.photo("fuzz01", new MediaLocation.LocalFile(file)));

        if (media.ok()) {
            assertNotNull(media.thumbnail());
            int longSide = Math.max(media.preview().getWidth(), media.preview().getHeight());
            assertTrue(longSide <= MediaLimits.DEFAULTS.previewLongSide(), "preview of " + longSide + " px");
        } else {
            assertTrue(!media.problem().isBlank() && media.facts() == null, media.toString());
        }
    }
}
