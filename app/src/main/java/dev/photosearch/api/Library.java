package dev.photosearch.api;

import dev.photosearch.embed.ClipQueryEncoder;
import dev.photosearch.embed.TextEncoder;
import dev.photosearch.embed.TextModel;
import dev.photosearch.index.Indexer;
import dev.photosearch.index.PhotoIndex;
import dev.photosearch.media.MediaLimits;
import dev.photosearch.media.MediaLoader;
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
 * One home opened by the server: the only index writer of the home (jobs take turns on it), the searcher that
 * follows its commits, and the thumbnail cache.
 */
public final class Library implements Closeable {

    private final Path home;
    private final PhotoIndex index;
    private final PhotoSearcher searcher;
    private final MediaLoader media;
    private final Indexer indexer;

    private Library(Path home, PhotoIndex index, PhotoSearcher searcher, MediaLoader media, Indexer indexer) {
        this.home = home;
        this.index = index;
        this.searcher = searcher;
        this.media = media;
        this.indexer = indexer;
    }

    /**
     * Opens (creating when absent) the index in {@code indexDir} and the thumbnails in {@code thumbnailDir}, both
     * inside {@code home}; {@code encoders} loads the text model the index was built with. Jobs index with only
     * the colour analyser: for tests and benchmarks of the API itself.
     */
    public static Library open(Path home, Path indexDir, Path thumbnailDir, Function<TextModel, TextEncoder> encoders)
            throws IOException {
        return open(home, indexDir, thumbnailDir, encoders, List.of(new ColourAnalyser()), null, null);
    }

    /**
     * Opens the library with the analysers, image embedder and CLIP query encoder (both null when none) the command
     * line indexes and searches with, so that photos indexed by either are not analysed again by the other and rank
     * alike. The caller closes them after the library.
     */
    public static Library open(Path home, Path indexDir, Path thumbnailDir, Function<TextModel, TextEncoder> encoders,
            List<Analyser> analysers, ImageEmbedder images, ClipQueryEncoder clip) throws IOException {
        PhotoIndex index = PhotoIndex.open(indexDir);
        try {
            index.createIfAbsent(TextModel.BGE_SMALL);
            TextEncoder[] loaded = new TextEncoder[1];
            PhotoSearcher searcher = PhotoSearcher.open(indexDir, model -> loaded[0] = encoders.apply(model), clip);
            MediaLoader media = new MediaLoader(thumbnailDir, MediaLimits.DEFAULTS);
            Indexer indexer = new Indexer(index, media, analysers, images, loaded[0],
                    Runtime.getRuntime().availableProcessors());
            return new Library(home.toAbsolutePath().normalize(), index, searcher, media, indexer);
        } catch (IOException | RuntimeException e) {
            index.close();
            throw e;
        }
    }

    Path home() {
        return home;
    }

    PhotoSearcher searcher() {
        return searcher;
    }

    /** The index writer; indexing jobs and source removal share it. */
    PhotoIndex index() {
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
        try (index; searcher) {
            indexer.close();
        }
    }
}
