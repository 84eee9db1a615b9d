package dev.photosearch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.photosearch.embed.ClipQueryEncoder;
import dev.photosearch.embed.ClipTextEncoder;
import dev.photosearch.embed.TextEncoder;
import dev.photosearch.embed.TextModel;
import dev.photosearch.index.PhotoStore;
import dev.photosearch.models.InstalledModel;
import dev.photosearch.search.SearchResults;
import dev.photosearch.source.Sources;
import dev.photosearch.testing.Pictures;
import dev.photosearch.testing.TinyClip;
import dev.photosearch.vision.ClipImageEncoder;
import dev.photosearch.vision.ColourAnalyser;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's library indexes and searches with the CLIP models it is given, as the command line does (through
 * the tiny contract graphs of {@link TinyClip}: this proves the wiring, not the quality).
 */
class LibraryClipTest {

    @TempDir
    Path dir;

    @Test
    void sourcesAddedToTheServerGetImageVectorsAndQueriesUseTheClipSignal() throws IOException {
        InstalledModel clip = TinyClip.install(dir.resolve("clip-src"), dir.resolve("models"));
        Path photos = Files.createDirectories(dir.resolve("photos"));
        ImageIO.write(Pictures.uniform(Color.ORANGE, 64, 48), "png", photos.resolve("orange.png").toFile());
        ImageIO.write(Pictures.uniform(Color.BLUE, 64, 48), "png", photos.resolve("blue.png").toFile());
        TextEncoder text = TextEncoder.load(TextModel.BGE_SMALL);
        Path home = dir.resolve("home");
        try (ClipImageEncoder images = ClipImageEncoder.load(clip, 1);
                ClipQueryEncoder queries = new ClipQueryEncoder(clip.id(), ClipTextEncoder.load(clip, 1),
                        Optional.empty());
                Library library = Library.open(home, PhotoStore.embedded(home.resolve("index")), home.resolve("thumbnails"), m -> text,
                        List.of(new ColourAnalyser()), images, queries)) {
            assertEquals(2, library.indexer().index(Sources.open(photos), (done, total) -> { }).added());
            library.searcher().refresh();
            SearchResults results = library.searcher().search("a photo of a cat", 10, 0);
            assertEquals(2, results.hits().stream().filter(h -> h.matched().containsKey("clip")).count());
        }
    }
}
