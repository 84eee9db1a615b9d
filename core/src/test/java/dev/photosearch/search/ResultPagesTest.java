package dev.photosearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.photosearch.embed.TextEncoder;
import dev.photosearch.embed.TextModel;
import dev.photosearch.index.IndexedPhoto;
import dev.photosearch.index.PhotoStore;
import dev.photosearch.index.StoreWriter;
import dev.photosearch.source.Photo;
import dev.photosearch.vision.Description;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Result pages asked again are answered from memory, until the index changes. */
class ResultPagesTest {

    @TempDir
    Path dir;

    static TextEncoder encoder;

    @BeforeAll
    static void load() {
        encoder = TextEncoder.load(TextModel.BGE_SMALL);
    }

    private void add(String path, String caption) throws IOException {
        add(path, caption, null);
    }

    private void add(String path, String caption, Instant taken) throws IOException {
        try (StoreWriter index = PhotoStore.embedded(dir).writer()) {
            Photo photo = new Photo(Photo.idFor("test", path), "test", path, null, null, taken, caption, List.of(),
                    List.of(), "", "", false, Map.of(), "fp");
            index.upsert(new IndexedPhoto(photo, null, null, null, List.of(), new Description(caption, ""), "fp"),
                    encoder.encodeDocuments(List.of(caption)).get(0), encoder.model(), null);
            index.commit(encoder.model());
        }
    }

    @Test
    void theSamePageIsAnsweredFromMemoryAndAnotherPageIsNot() throws IOException {
        add("boat.jpg", "a small boat on a lake");
        add("cat.jpg", "a cat asleep on the sofa");
        try (PhotoSearcher searcher = PhotoSearcher.open(PhotoStore.embedded(dir).reader(), m -> encoder)) {
            SearchResults first = searcher.search("a boat", 1, 0);
            // Spacing is normalised before the look-up, so the same words find the same page.
            SearchResults again = searcher.search("  a   boat ", 1, 0);
            assertSame(first.hits().get(0), again.hits().get(0));
            SearchResults next = searcher.search("a boat", 1, 1);
            assertEquals("cat.jpg", next.hits().get(0).photo().photo().path());
            assertNotSame(first.hits().get(0), searcher.search("a boat", 2, 0).hits().get(0));
        }
    }

    @Test
    void aPageReadRelativeToTodayIsNotAnsweredFromMemoryTheNextDay() throws IOException {
        add("cat-14.jpg", "a cat asleep on the sofa", Instant.parse("2024-03-14T12:00:00Z"));
        add("cat-15.jpg", "a cat asleep on the sofa", Instant.parse("2024-03-15T12:00:00Z"));
        MovingClock clock = new MovingClock(Instant.parse("2024-03-15T12:00:00Z"));
        try (PhotoSearcher searcher = PhotoSearcher.open(PhotoStore.embedded(dir).reader(), m -> encoder, null,
                Fusion.DEFAULT, clock)) {
            SearchResults today = searcher.search("cat yesterday", 5, 0);
            assertEquals("cat-14.jpg", today.hits().get(0).photo().photo().path());
            assertSame(today.hits().get(0), searcher.search("cat yesterday", 5, 0).hits().get(0));
            clock.now = Instant.parse("2024-03-16T00:00:01Z");
            SearchResults tomorrow = searcher.search("cat yesterday", 5, 0);
            assertEquals(List.of("cat-15.jpg"), tomorrow.hits().stream().map(h -> h.photo().photo().path()).toList());
        }
    }

    /** A clock in UTC whose time the test sets. */
    private static final class MovingClock extends Clock {
        Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void indexingMakesTheNextSearchSeeTheNewPhotos() throws IOException {
        add("cat.jpg", "a cat asleep on the sofa");
        try (PhotoSearcher searcher = PhotoSearcher.open(PhotoStore.embedded(dir).reader(), m -> encoder)) {
            assertEquals(1, searcher.search("boat on a lake", 10, 0).candidates());
            add("boat.jpg", "a small boat on a lake");
            searcher.refresh();
            SearchResults after = searcher.search("boat on a lake", 10, 0);
            assertEquals(2, after.candidates());
            assertEquals("boat.jpg", after.hits().get(0).photo().photo().path());
        }
    }
}
