package dev.photosearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.photosearch.embed.TextEncoder;
import dev.photosearch.embed.TextModel;
import dev.photosearch.index.IndexedPhoto;
import dev.photosearch.index.PhotoStore;
import dev.photosearch.index.StoreWriter;
import dev.photosearch.source.Photo;
import dev.photosearch.vision.Description;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Vectors of another text model are never compared with the query, whether or not the index mixes models. */
class VectorModelFilterTest {

    @TempDir
    static Path dir;

    static TextEncoder bge;

    @BeforeAll
    static void load() {
        bge = TextEncoder.load(TextModel.BGE_SMALL);
    }

    private static void add(StoreWriter index, String path, String caption, TextModel model) throws IOException {
        Photo photo = new Photo(Photo.idFor("test", path), "test", path, null, null, null, caption, List.of(),
                List.of(), "", "", false, Map.of(), "fp");
        // The vector is always bge's, so only the recorded model tells the two kinds apart.
        float[] vector = bge.encodeDocuments(List.of(caption)).get(0);
        index.upsert(new IndexedPhoto(photo, null, null, null, List.of(), new Description(caption, ""), "fp"),
                vector, model, null);
    }

    private static Set<String> vectorMatches(Path home, String query) throws IOException {
        try (PhotoSearcher searcher = PhotoSearcher.open(PhotoStore.embedded(home).reader(), m -> bge, new Fusion(60, Map.of("text", 0.0)))) {
            return searcher.search(query, 10, 0).hits().stream()
                    .filter(h -> h.matched().containsKey("vector"))
                    .map(h -> h.photo().photo().path())
                    .collect(Collectors.toSet());
        }
    }

    @Test
    void photosOfAnotherModelAreLeftOutOfTheVectorSignal() throws IOException {
        Path home = dir.resolve("mixed");
        try (StoreWriter index = PhotoStore.embedded(home).writer()) {
            add(index, "boat.jpg", "a small boat on a lake", TextModel.BGE_SMALL);
            add(index, "cat.jpg", "a cat asleep on the sofa", TextModel.BGE_SMALL);
            add(index, "ship.jpg", "a rowing boat on the lake at dawn", TextModel.MINILM);
            index.commit(TextModel.BGE_SMALL);
        }
        assertEquals(Set.of("boat.jpg", "cat.jpg"), vectorMatches(home, "a boat on a lake"));
    }

    @Test
    void anIndexOfOneModelFindsEveryPhotoByVector() throws IOException {
        Path home = dir.resolve("single");
        try (StoreWriter index = PhotoStore.embedded(home).writer()) {
            add(index, "boat.jpg", "a small boat on a lake", TextModel.BGE_SMALL);
            index.commit(TextModel.BGE_SMALL);
            add(index, "cat.jpg", "a cat asleep on the sofa", TextModel.BGE_SMALL);
            index.commit(TextModel.BGE_SMALL);
        }
        assertEquals(Set.of("boat.jpg", "cat.jpg"), vectorMatches(home, "a boat on a lake"));
    }
}
