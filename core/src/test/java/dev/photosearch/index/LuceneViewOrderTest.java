package dev.photosearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.photosearch.embed.TextModel;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store's orders: listing without a query (date order either way, photos without a date last, equal
 * dates by id), and equal scores by id, so that the Solr store, which sorts so too, ranks alike.
 */
class LuceneViewOrderTest {

    private static final Instant MAY = Instant.parse("2023-05-01T10:00:00Z");
    private static final Instant JUNE = Instant.parse("2023-06-01T10:00:00Z");

    @TempDir
    Path dir;

    @BeforeEach
    void index() throws IOException {
        try (StoreWriter writer = PhotoStore.embedded(dir).writer()) {
            writer.upsert(StoreFixtures.photo("may.jpg", "", MAY), null, TextModel.BGE_SMALL, null);
            writer.upsert(StoreFixtures.photo("june-1.jpg", "", JUNE), null, TextModel.BGE_SMALL, null);
            writer.upsert(StoreFixtures.photo("undated.jpg", "", null), null, TextModel.BGE_SMALL, null);
            writer.upsert(StoreFixtures.photo("june-2.jpg", "", JUNE), null, TextModel.BGE_SMALL, null);
            writer.upsert(StoreFixtures.photo("other", "elsewhere.jpg", "", MAY), null, TextModel.BGE_SMALL, null);
            writer.commit(TextModel.BGE_SMALL);
        }
    }

    private Listing list(PhotoFilter filter, boolean newestFirst, int offset, int limit) throws IOException {
        try (StoreReader reader = PhotoStore.embedded(dir).reader(); StoreView view = reader.view()) {
            return view.list(filter, newestFirst, offset, limit);
        }
    }

    private static List<String> ids(String... paths) {
        return Stream.of(paths).map(StoreFixtures::id).toList();
    }

    @Test
    void newestFirstWithEqualDatesByIdAndUndatedLast() throws IOException {
        PhotoFilter test = new PhotoFilter(StoreFixtures.SOURCE, null, null);
        List<String> june = ids("june-1.jpg", "june-2.jpg").stream().sorted().toList();
        Listing all = list(test, true, 0, 10);
        assertEquals(4, all.total());
        assertEquals(Stream.of(june, ids("may.jpg"), ids("undated.jpg")).flatMap(List::stream).toList(), all.ids());
        Listing oldest = list(test, false, 0, 10);
        assertEquals(Stream.of(ids("may.jpg"), june, ids("undated.jpg")).flatMap(List::stream).toList(),
                oldest.ids());
    }

    @Test
    void pagesAndFilters() throws IOException {
        Listing second = list(PhotoFilter.NONE, true, 2, 2);
        assertEquals(5, second.total());
        assertEquals(2, second.ids().size());
        Listing may = list(new PhotoFilter(null, MAY, MAY), true, 0, 10);
        assertEquals(2, may.total());
        assertEquals(Stream.of(ids("may.jpg").get(0), StoreFixtures.photo("other", "elsewhere.jpg", "", MAY)
                .photo().id()).sorted().toList(), may.ids());
        assertEquals(List.of(), list(PhotoFilter.NONE, true, 10, 5).ids());
    }

    @Test
    void amongEqualScoresTheSmallestIdsMakeTheCut() throws IOException {
        Path other = dir.resolve("ties");
        List<String> ids = new ArrayList<>();
        try (StoreWriter writer = PhotoStore.embedded(other).writer()) {
            for (int i = 0; i < 30; i++) {
                IndexedPhoto photo = StoreFixtures.photo("boat-" + i + ".jpg", "a boat", null);
                ids.add(photo.photo().id());
                writer.upsert(photo, null, TextModel.BGE_SMALL, null);
            }
            writer.commit(TextModel.BGE_SMALL);
        }
        try (StoreReader reader = PhotoStore.embedded(other).reader(); StoreView view = reader.view()) {
            List<Ranked> top = view.matching(new TextWords("boat", "boat"), PhotoFilter.NONE, 10);
            assertEquals(ids.stream().sorted().limit(10).toList(), top.stream().map(Ranked::id).toList());
        }
    }
}
