package dev.photosearch.cli;

import dev.photosearch.embed.TextEncoder;
import dev.photosearch.embed.TextModel;
import dev.photosearch.index.IndexReport;
import dev.photosearch.index.Indexer;
import dev.photosearch.index.PhotoIndex;
import dev.photosearch.media.MediaLimits;
import dev.photosearch.media.MediaLoader;
import dev.photosearch.source.PhotoSource;
import dev.photosearch.source.SourceException;
import dev.photosearch.source.Sources;
import dev.photosearch.vision.Analyser;
import dev.photosearch.vision.Analysers;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code photosearch index SOURCE...}: ingests and analyses sources; re-running only does what changed. */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = {"Add photos to the index, or bring it up to date.",
            "SOURCE is a folder of images, an Instagram export (zip, folder or posts_N.json), an instagram-scraper "
                + "JSON, an Instaloader folder, or a text file of image URLs."})
final class IndexCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SOURCE", arity = "1..*", description = "What to index.")
    List<String> sources;

    @Option(names = "--text-model", paramLabel = "NAME", defaultValue = "bge-small-en-v1.5-q",
            description = "Text embedding model: bge-small-en-v1.5-q (default) or all-minilm-l6-v2-q.")
    String textModel;

    @Option(names = "--threads", paramLabel = "N",
            description = "Images loaded and analysed at once (default: the number of cores).")
    Integer threads;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Home home = main.home();
        TextEncoder encoder = TextEncoder.load(TextModel.byName(textModel));
        int poolSize = threads != null ? Math.max(1, threads) : Runtime.getRuntime().availableProcessors();
        List<Analyser> analysers = Analysers.available(notice -> err.println("photosearch: note: " + notice));
        int failures = 0;
        CountDownLatch closed = new CountDownLatch(1);
        try (InstalledModels models = InstalledModels.forIndexing(main.models(), err);
                PhotoIndex index = PhotoIndex.open(home.index());
                Indexer indexer = new Indexer(index, new MediaLoader(home.thumbnails(), MediaLimits.DEFAULTS),
                        models.analysers(analysers), models.images(), encoder, poolSize)) {
            Thread stopper = new Thread(() -> {
                // Ctrl-C: finish the current batch and commit, so nothing done is lost.
                indexer.requestStop();
                try {
                    closed.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Runtime.getRuntime().addShutdownHook(stopper);
            try {
                for (String source : sources) {
                    IndexReport report = indexOne(source, indexer, out, err);
                    failures += report == null ? 1 : 0;
                    if (report != null && report.interrupted()) {
                        break;
                    }
                }
            } finally {
                removeHook(stopper);
            }
        } finally {
            closed.countDown();
        }
        return failures == 0 ? 0 : 1;
    }

    /** Indexes one source and prints its summary; null when it could not be read. */
    private IndexReport indexOne(String name, Indexer indexer, PrintWriter out, PrintWriter err) {
        IndexReport report;
        try {
            PhotoSource source = Sources.open(name);
            try (ProgressBar bar = new ProgressBarBuilder().setTaskName("Indexing").setUnit(" photos", 1)
                    .setStyle(ProgressBarStyle.ASCII).showSpeed().continuousUpdate().setUpdateIntervalMillis(500)
                    .build()) {
                report = indexer.index(source, (done, total) -> {
                    bar.maxHint(total);
                    bar.stepTo(done);
                });
            }
        } catch (SourceException e) {
            err.println("photosearch: " + name + ": " + e.getMessage());
            err.println("  nothing already indexed was changed.");
            return null;
        } catch (IOException e) {
            err.println("photosearch: " + name + ": " + e.getMessage());
            err.println("  photos saved before the error are kept; run the command again to continue.");
            return null;
        }
        printReport(name, report, out);
        return report;
    }

    private static void printReport(String spec, IndexReport r, PrintWriter out) {
        out.printf("%s: %d new, %d updated, %d unchanged, %d removed (%.1f s)%n", spec, r.added(), r.updated(),
                r.unchanged(), r.removed(), r.elapsed().toMillis() / 1000.0);
        printCounts(out, "skipped", r.skipped());
        printCounts(out, "indexed from text only, image unusable", r.imageProblems());
        r.notices().forEach(n -> out.println("  note: " + n));
        if (r.interrupted()) {
            out.println("  interrupted: what was done is saved; run the same command again to continue.");
        }
        out.flush();
    }

    private static void printCounts(PrintWriter out, String label, Map<String, Integer> counts) {
        counts.forEach((reason, n) -> out.printf("  %s: %d (%s)%n", label, n, reason));
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook is running and waits for us.
        }
    }
}
