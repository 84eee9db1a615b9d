package dev.photosearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.photosearch.embed.TextModel;
import dev.photosearch.index.PhotoFilter;
import dev.photosearch.index.PhotoStore;
import dev.photosearch.index.StoreFixtures;
import dev.photosearch.index.StoreReader;
import dev.photosearch.index.StoreWriter;
import dev.photosearch.search.ListRequest;
import dev.photosearch.search.PhotoBrowser;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code list} reads a long listing a chunk at a time, and stops where it was asked to or where the photos end. */
class ListCommandTest {

    @TempDir
    Path dir;

    @BeforeEach
    void index() throws IOException {
        try (StoreWriter writer = PhotoStore.embedded(dir).writer()) {
            for (int day = 1; day <= 5; day++) {
                writer.upsert(StoreFixtures.photo("day-" + day + ".jpg", "", Instant.parse("2023-07-0" + day
                        + "T12:00:00Z")), null, TextModel.BGE_SMALL, null);
            }
            writer.commit(TextModel.BGE_SMALL);
        }
    }

    /** The paths {@code list --offset offset --limit limit} prints, read two at a time. */
    private List<String> listed(int offset, int limit) throws IOException {
        List<String> paths = new ArrayList<>();
        try (StoreReader reader = PhotoStore.embedded(dir).reader()) {
            PhotoBrowser browser = new PhotoBrowser(reader);
            ListRequest chunk = new ListRequest(PhotoFilter.NONE, ListRequest.Order.NEWEST_FIRST, offset, 2);
            int shown = ListCommand.each(browser, chunk, browser.list(chunk), limit,
                    photo -> paths.add(photo.photo().path()));
            assertEquals(paths.size(), shown);
        }
        return paths;
    }

    @Test
    void chunksFollowEachOtherUpToTheLimit() throws IOException {
        assertEquals(List.of("day-5.jpg", "day-4.jpg", "day-3.jpg", "day-2.jpg", "day-1.jpg"), listed(0, 100));
        assertEquals(List.of("day-5.jpg", "day-4.jpg", "day-3.jpg"), listed(0, 3));
        assertEquals(List.of("day-4.jpg", "day-3.jpg", "day-2.jpg", "day-1.jpg"), listed(1, 4));
        assertEquals(List.of("day-1.jpg"), listed(4, 10));
        assertEquals(List.of(), listed(5, 10));
    }
}
