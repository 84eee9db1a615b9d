package dev.photosearch.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Reads the real Instagram export samples of the shared data folder, when this machine has them. */
class RealExportTest {

    private static final String SAMPLES = "data/instagram-samples";

    /** The samples folder next to the project, else the shared copy; null when neither exists. */
    private static Path samples() {
        return Stream.of(Path.of("..", "..", "shared", SAMPLES), Path.of("/work/shared", SAMPLES))
                .filter(Files::isDirectory)
                .findFirst()
                .orElse(null);
    }

    private static Path sample(String name) {
        Path samples = samples();
        Path file = samples == null ? null : samples.resolve(name);
        Assumptions.assumeTrue(file != null && Files.exists(file), "Instagram samples not available: " + name);
        return file;
    }

    @Test
    void importsEveryMediaItemOfARealPostsFile() throws Exception {
        PhotoSource source = Sources.open(sample("export_sr4136/posts_1.json"));
        assertInstanceOf(InstagramExportSource.class, source);

        Scan scan = source.scan();

        assertEquals(1332, scan.photos().size());
        assertEquals(0, scan.skipped().size(), scan.skipped().toString());
        assertEquals(118, scan.photos().stream().filter(Photo::video).count(), "103 mp4 and 15 extension-less");
        assertEquals(1332, scan.photos().stream().map(Photo::id).distinct().count());
        assertEquals(List.of("1332 of 1332 media files are missing; their captions are indexed without the image"),
                scan.notices());
        Photo purring = scan.photos().stream()
                .filter(p -> p.path().endsWith("11821838_871627252872833_1945252287_n_17842195333034497.jpg"))
                .findFirst().orElseThrow();
        assertEquals("Waking up to this purring menace every day. 🐈❤", purring.caption());
    }

    @Test
    void importsARealExportFolderWithStoriesAndProfilePicture() throws Exception {
        Scan scan = Sources.open(sample("export_yummyhopper")).scan();

        assertEquals(26, scan.photos().size(), "20 post items, 5 stories, 1 profile picture");
        assertEquals(5, scan.photos().stream().filter(p -> "story".equals(p.metadata().get("kind"))).count());
        assertTrue(scan.photos().stream().anyMatch(p -> p.caption().equals("Un Taxi 🇨🇴")));
    }
}
