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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The words signal alone (BM25 through the store), on photos whose captions are the given descriptions. */
class TextSignalTest {

    private static final Fusion WORDS_ONLY = Fusion.parse("vector=0,clip=0");
    private static TextEncoder encoder;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadEncoder() {
        encoder = TextEncoder.load(TextModel.BGE_SMALL);
    }

    /** The paths ("d0", "d1"...) of the photos the query finds, best first. */
    private List<String> search(String query, String... descriptions) throws IOException {
        Path index = Files.createTempDirectory(dir, "index");
        try (StoreWriter writer = PhotoStore.embedded(index).writer()) {
            for (int i = 0; i < descriptions.length; i++) {
                String path = "d" + i;
                Photo photo = new Photo(Photo.idFor("test", path), "test", path, null, null, null, descriptions[i],
                        List.of(), List.of(), "", "", false, Map.of(), "fp");
                writer.upsert(new IndexedPhoto(photo, null, null, null, List.of(), new Description("", ""), "fp"),
                        null, encoder.model(), null);
            }
            writer.commit(encoder.model());
        }
        try (PhotoSearcher searcher = PhotoSearcher.open(PhotoStore.embedded(index).reader(), m -> encoder, null,
                WORDS_ONLY)) {
            return searcher.search(query, 10, 0).hits().stream().map(h -> h.photo().photo().path()).toList();
        }
    }

    @Test
    void everydayWordsFindTheDescriptionsWords() throws IOException {
        assertEquals("d0", search("a man on a bike", "A person riding a bicycle", "A cat on a bed").get(0));
        assertEquals(List.of("d1"), search("coffee mug", "A dog", "A cup and a laptop"));
        assertEquals(List.of("d0"), search("soccer", "Two people and a sports ball", "A cow"));
    }

    @Test
    void theQuerysOwnWordStillMatches() throws IOException {
        assertEquals(List.of("d0"), search("man", "A man at the beach", "A cat"));
    }

    @Test
    void englishStopWordsAreNotReadAsFrenchWords() throws IOException {
        // Read as French, "the" and "in" are words, and would bring back every photo that has them.
        assertEquals(List.of("d1"), search("a horse in the rain", "the cat in the garden", "a horse"));
    }

    @Test
    void anEnglishQueryStillFindsAFrenchCaptionsWords() throws IOException {
        assertEquals(List.of("d0"), search("black chat", "Un chat noir", "Un chien"));
    }

    @Test
    void aFrenchQueryIsReadAsFrenchToo() throws IOException {
        // Only French analysis strips the article of "l'océan" and the plural of "océans".
        assertEquals(List.of("d0"), search("les océans", "Vue sur l'océan", "Un chien"));
    }

    @Test
    void aFrenchQueryFindsTheEnglishOfDescriptionsThroughItsTranslation() throws IOException {
        assertEquals("d1", search("deux girafes dans un pré", "A cat on a bed", "Two giraffes in a field").get(0));
        // "homme" becomes "man", which the everyday words then search as "person".
        assertEquals("d0", search("un homme à vélo", "A person riding a bicycle", "A cat on a bed").get(0));
    }
}
