package dev.photosearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.photosearch.embed.TextEncoder;
import dev.photosearch.embed.TextModel;
import dev.photosearch.index.IndexedPhoto;
import dev.photosearch.index.Indexer;
import dev.photosearch.index.PhotoStore;
import dev.photosearch.index.StoreWriter;
import dev.photosearch.media.MediaLimits;
import dev.photosearch.media.MediaLoader;
import dev.photosearch.source.Sources;
import dev.photosearch.testing.Pictures;
import dev.photosearch.vision.ColourAnalyser;
import dev.photosearch.vision.ImageSignature;
import dev.photosearch.vision.SignatureAnalyser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Similar photos and near-duplicates without CLIP: perceptual hash and colour histogram. */
class SimilarPhotosTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void index() throws IOException {
        Path photos = dir.resolve("photos");
        Files.createDirectories(photos);
        ImageIO.write(Pictures.scene(1, 400, 300), "png", photos.resolve("boat.png").toFile());
        ImageIO.write(Pictures.scene(1, 160, 120), "jpg", photos.resolve("boat_small.jpg").toFile());
        ImageIO.write(Pictures.scene(2, 400, 300), "png", photos.resolve("market.png").toFile());
        ImageIO.write(Pictures.scene(3, 300, 400), "png", photos.resolve("garden.png").toFile());
        Files.writeString(photos.resolve("broken.jpg"), "not an image");
        try (StoreWriter index = PhotoStore.embedded(dir.resolve("index")).writer();
                Indexer indexer = new Indexer(index, new MediaLoader(dir.resolve("thumbs"), MediaLimits.DEFAULTS),
                        List.of(new ColourAnalyser(), new SignatureAnalyser()),
                        TextEncoder.load(TextModel.MINILM), 2)) {
            indexer.index(Sources.open(photos), (done, total) -> { });
        }
    }

    @Test
    void aResizedReEncodedCopyIsTheMostSimilarPhoto() throws IOException {
        try (SimilarPhotos similar = SimilarPhotos.open(PhotoStore.embedded(dir.resolve("index")).reader())) {
            List<SimilarPhotos.Similar> found = similar.like("boat.png", 3);
            assertEquals("boat_small.jpg", found.get(0).photo().photo().path());
            assertEquals("signature", found.get(0).method());
            assertTrue(found.get(0).score() > found.get(1).score());
            assertTrue(found.stream().noneMatch(s -> s.photo().photo().path().equals("boat.png")));
        }
    }

    @Test
    void anImageFileFindsItsIndexedCopy() throws IOException {
        ImageSignature signature = ImageSignature.of(Pictures.scene(2, 800, 600));
        try (SimilarPhotos similar = SimilarPhotos.open(PhotoStore.embedded(dir.resolve("index")).reader())) {
            assertEquals("market.png", similar.likeImage(Optional.empty(), signature, 1).get(0).photo().photo()
                    .path());
        }
    }

    @Test
    void nearDuplicatesGroupOnlyTheCopies() throws IOException {
        try (SimilarPhotos similar = SimilarPhotos.open(PhotoStore.embedded(dir.resolve("index")).reader())) {
            List<List<IndexedPhoto>> groups = similar.nearDuplicates(6);
            assertEquals(1, groups.size());
            assertEquals(List.of("boat.png", "boat_small.jpg"),
                    groups.get(0).stream().map(p -> p.photo().path()).toList());
            assertThrows(IllegalArgumentException.class, () -> similar.nearDuplicates(-1));
        }
    }

    @Test
    void unknownOrImagelessPhotosAreClearErrors() throws IOException {
        try (SimilarPhotos similar = SimilarPhotos.open(PhotoStore.embedded(dir.resolve("index")).reader())) {
            assertTrue(assertThrows(IllegalArgumentException.class, () -> similar.like("nope.jpg", 3)).getMessage()
                    .contains("no indexed photo"));
            assertTrue(assertThrows(IllegalArgumentException.class, () -> similar.like("broken.jpg", 3))
                    .getMessage().contains("has no image to compare"));
        }
    }
}
