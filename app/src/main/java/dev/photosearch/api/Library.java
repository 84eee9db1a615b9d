package dev.photosearch.api;

import dev.photosearch.embed.ClipQueryEncoder;
import dev.photosearch.embed.TextEncoder;
import dev.photosearch.embed.TextModel;
import dev.photosearch.index.Indexer;
import dev.photosearch.index.PhotoStore;
import dev.photosearch.index.StoreReader;
import dev.photosearch.index.StoreWriter;
import dev.photosearch.media.MediaLimits;
import dev.photosearch.media.MediaLoader;
import dev.photosearch.search.PhotoBrowser;
import dev.photosearch.search.PhotoSearcher;
import dev.photosearch.vision.Analyser;
import dev.photosearch.vision.ColourAnalyser;
import dev.photosearch.vision.ImageEmbedder;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * One home opened by the server: its store's writer (the server's jobs take turns on it), the searcher and the
 * browser that follow its commits, and the thumbnail cache.
 */
public final class Library implements Closeable {

    private final Path home;
    private final PhotoStore store;
    private final StoreWriter index;
    private final PhotoSearcher searcher;
    private final PhotoBrowser browser;
    private final MediaLoader media;
    private final Indexer indexer;

    private Library(Path home, PhotoStore store, StoreWriter index, PhotoSearcher searcher, PhotoBrowser browser,
            MediaLoader media, Indexer indexer) {
        this.home = home;
        this.store = store;
        this.index = index;
        this.searcher = searcher;
        this.browser = browser;
        this.media = media;
        this.indexer = indexer;
    }

    /**
     * Opens (creating when absent) the store and the thumbnails in {@code thumbnailDir} inside {@code home}, and
     * closes the store when closed; {@code encoders} loads the text model the store was built with. Jobs index with
     * only the colour analyser: for tests and benchmarks of the API itself.
     */
    public static Library open(Path home, PhotoStore store, Path thumbnailDir,
            Function<TextModel, TextEncoder> encoders) throws IOException {
        return open(home, store, thumbnailDir, encoders, List.of(new ColourAnalyser()), null, null);
    }

    /**
     * Opens the library with the analysers, image embedder and CLIP query encoder (both null when none) the command
     * line indexes and searches with, so that photos indexed by either are not analysed again by the other and rank
     * alike. The caller closes them after the library.
     */
    public static Library open(Path home, PhotoStore store, Path thumbnailDir,
            Function<TextModel, TextEncoder> encoders, List<Analyser> analysers, ImageEmbedder images,
            ClipQueryEncoder clip) throws IOException {
        StoreWriter index = null;
        try {
            index = store.writer();
            index.createIfAbsent(TextModel.BGE_SMALL);
            TextEncoder[] loaded = new TextEncoder[1];
            StoreReader reader = store.reader();
            PhotoSearcher searcher = PhotoSearcher.open(reader, model -> loaded[0] = encoders.apply(model), clip);
            MediaLoader media = new MediaLoader(thumbnailDir, MediaLimits.DEFAULTS);
            Indexer indexer = new Indexer(index, media, analysers, images, loaded[0],
                    Runtime.getRuntime().availableProcessors());
            return new Library(home.toAbsolutePath().normalize(), store, index, searcher, new PhotoBrowser(reader),
                    media, indexer);
        } catch (IOException | RuntimeException e) {
            try (store; Closeable writer = index) {
                throw e;
            }
        }
    }

    Path home() {
        return home;
    }

    PhotoSearcher searcher() {
        return searcher;
    }

    /** Lists the photos the searcher sees (it shares the searcher's reader, so both follow the same commits). */
    PhotoBrowser browser() {
        return browser;
    }

    /** The store's writer; indexing jobs and source removal share it. */
    StoreWriter index() {
        return index;
    }

    MediaLoader media() {
        return media;
    }

    /** The home's one indexer; only the job runner's thread uses it. */
    Indexer indexer() {
        return indexer;
    }

    @Override
    public void close() throws IOException {
        indexer.requestStop();
        try (store; index; searcher) {
            indexer.close();
        }
    }
}
