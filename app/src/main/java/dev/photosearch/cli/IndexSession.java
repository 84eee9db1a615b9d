package dev.photosearch.cli;

import dev.photosearch.embed.TextEncoder;
import dev.photosearch.embed.TextModel;
import dev.photosearch.index.IndexReport;
import dev.photosearch.index.Indexer;
import dev.photosearch.index.PhotoStore;
import dev.photosearch.index.StoreWriter;
import dev.photosearch.media.MediaLimits;
import dev.photosearch.media.MediaLoader;
import dev.photosearch.models.ModelStore;
import dev.photosearch.source.Photo;
import dev.photosearch.source.PhotoSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import me.tongfei.progressbar.ProgressBar;

/**
 * The open index and indexer of a command, with the installed models, a progress bar per source and Ctrl-C saving
 * what was done.
 */
final class IndexSession implements AutoCloseable {

    private final PhotoStore store;
    private final StoreWriter index;
    private final InstalledModels models;
    private final Indexer indexer;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread stopper;
    private final ProgressOutput progress;

    /**
     * Opens the {@code store}'s writer, and closes the store when closed, with the models of {@code store} that are installed; notices about analysers
     * and models that cannot run here go to {@code err}.
     */
    IndexSession(Home home, PhotoStore photos, ModelStore store, IndexingOptions options, PrintWriter err)
            throws IOException {
        TextEncoder encoder = TextEncoder.load(TextModel.byName(options.textModel));
        int poolSize = options.threads != null ? Math.max(1, options.threads)
                : Runtime.getRuntime().availableProcessors();
        this.progress = ProgressOutput.to(err);
        this.models = InstalledModels.forIndexing(store, err);
        this.store = photos;
        try {
            this.index = photos.writer();
        } catch (IOException | RuntimeException e) {
            try (photos; InstalledModels m = models) {
                throw e;
            }
        }
        this.indexer = new Indexer(index, new MediaLoader(home.thumbnails(), MediaLimits.DEFAULTS),
                models.analysers(), models.images(), encoder, poolSize);
        this.stopper = new Thread(() -> {
            // Ctrl-C: finish the current batch and commit, so nothing done is lost.
            indexer.requestStop();
            try {
                closed.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(stopper);
    }

    /** Indexes one source with a progress bar, reloading the photos {@code reload} accepts. */
    IndexReport index(PhotoSource source, Predicate<Photo> reload) throws IOException {
        try (LazyBar bar = new LazyBar()) {
            return indexer.index(source, bar::show, reload);
        }
    }

    /** A bar drawn from the first count on, so a source that cannot be read prints its error alone. */
    private final class LazyBar implements AutoCloseable {
        private ProgressBar bar;

        synchronized void show(int done, int total) {
            if (bar == null) {
                bar = progress.bar("Indexing", " photos", 1).build();
            }
            bar.maxHint(total);
            bar.stepTo(done);
        }

        @Override
        public synchronized void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }

    /** A run that could not write thumbnails fails, saying so: the disk is full or the folder read-only. */
    static boolean thumbnailsFailed(String name, IndexReport report, Home home, PrintWriter err) {
        if (report.thumbnailsNotWritten() == 0) {
            return false;
        }
        err.println("photosearch: " + name + ": " + report.thumbnailsNotWritten() + " thumbnail(s) could not be"
                + " written in " + home.thumbnails() + " (disk full or not writable?)");
        err.println("  their photos are indexed from their text and tried again on the next run; nothing indexed"
                + " is lost.");
        return true;
    }

    /** Prints the summary of one indexed source. */
    static void printReport(String spec, IndexReport r, PrintWriter out) {
        out.printf("%s: %d new, %d updated, %d unchanged, %d removed (%.1f s)%n", spec, r.added(), r.updated(),
                r.unchanged(), r.removed(), r.elapsed().toMillis() / 1000.0);
        printCounts(out, "skipped", r.skipped());
        printCounts(out, "indexed from text only, image unusable", r.imageProblems());
        printCounts(out, "indexed from text only for now, image tried again on the next run", r.retrying());
        printCounts(out, "image still unusable after " + Indexer.MAX_IMAGE_TRIES + " runs, now given up", r.gaveUp());
        r.notices().forEach(n -> out.println("  note: " + n));
        if (r.interrupted()) {
            out.println("  interrupted: what was done is saved; run the same command again to continue.");
        }
        out.flush();
    }

    private static void printCounts(PrintWriter out, String label, Map<String, Integer> counts) {
        counts.forEach((reason, n) -> out.printf("  %s: %d (%s)%n", label, n, reason));
    }

    @Override
    public void close() throws IOException {
        try {
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down: the hook is running and waits for us.
            }
            try (InstalledModels m = models; PhotoStore s = store; StoreWriter i = index; Indexer x = indexer) {
                // closes the indexer, then the writer, the store, then the models
            }
        } finally {
            closed.countDown();
        }
    }
}
