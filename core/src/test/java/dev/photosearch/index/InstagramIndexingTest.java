package dev.photosearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.photosearch.embed.TextEncoder;
import dev.photosearch.embed.TextModel;
import dev.photosearch.media.MediaLimits;
import dev.photosearch.media.MediaLoader;
import dev.photosearch.source.FakeInstagram;
import dev.photosearch.source.InstagramCollectionSource;
import dev.photosearch.source.Sources;
import dev.photosearch.vision.ColourAnalyser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Collecting and indexing a live profile in one run, against a fake Instagram. */
class InstagramIndexingTest {

    static TextEncoder encoder;

    @TempDir
    Path home;

    FakeInstagram fake;

    @BeforeAll
    static void loadModel() {
        encoder = TextEncoder.load(TextModel.BGE_SMALL);
    }

    @BeforeEach
    void start() throws IOException {
        fake = new FakeInstagram("ann.photos");
        fake.publish(fake.image("P1", 1_600_000_000L, "Sailing boat on the lake", "May be an image of a boat"));
        fake.publish(fake.carousel("P2", 1_600_100_000L, "Birthday", "P2a", "P2b"));
        fake.publish(fake.image("P3", 1_600_200_000L, "Snowy mountains", ""));
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private IndexReport index(int budget, Predicate<dev.photosearch.source.Photo> reload, boolean storedOnly)
            throws IOException {
        InstagramCollectionSource source = Sources.openCollection("instagram:ann.photos", home,
                fake.loggedIn(budget, home));
        try (StoreWriter index = PhotoStore.embedded(home.resolve("index")).writer();
                Indexer indexer = new Indexer(index, new MediaLoader(home.resolve("thumbnails"), MediaLimits.DEFAULTS),
                        List.of(new ColourAnalyser()), encoder, 2)) {
            return indexer.index(storedOnly ? source.storedOnly() : source, (done, total) -> { }, reload);
        }
    }

    private List<Path> thumbnails() throws IOException {
        try (var files = Files.walk(home.resolve("thumbnails"))) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void secondRunAddsOnlyTheNewPostsAndRemovesNone() throws IOException {
        IndexReport first = index(50, p -> false, false);

        assertEquals(4, first.added());
        assertEquals(java.util.Map.of(), first.imageProblems(), "thumbnails cached while the URLs are fresh");
        assertEquals(4, thumbnails().size());

        fake.delete("P1"); // gone from Instagram, kept here
        fake.publish(fake.image("N1", 1_700_000_000L, "Cat asleep on the sofa", ""));
        IndexReport second = index(50, p -> false, false);

        assertEquals(1, second.added());
        assertEquals(4, second.unchanged());
        assertEquals(0, second.removed());
        assertEquals(5, thumbnails().size());
    }

    @Test
    void anInterruptedCollectionIndexesWhatItGotAndTheNextRunTheRest() throws IOException {
        IndexReport partial = index(2, p -> false, false); // the id, then one page: P3 and P2

        assertEquals(3, partial.added());
        assertTrue(partial.notices().stream().anyMatch(n -> n.contains("budget")), partial.notices().toString());

        IndexReport rest = index(50, p -> false, false);
        assertEquals(1, rest.added());
        assertEquals(0, rest.removed());
    }

    @Test
    void refreshedPhotosAreLoadedAgainEvenWhenUnchanged() throws IOException {
        index(50, p -> false, false);
        Path thumbnail = thumbnails().get(0);
        Files.delete(thumbnail);

        IndexReport refreshed = index(50, p -> true, true);

        assertEquals(4, refreshed.updated());
        assertTrue(Files.exists(thumbnail), "the thumbnail is cached again");
    }
}
