package dev.photosearch.cli;

import dev.photosearch.index.IndexReport;
import dev.photosearch.source.CollectOptions;
import dev.photosearch.source.HostUnreachable;
import dev.photosearch.source.PhotoSource;
import dev.photosearch.source.SourceException;
import dev.photosearch.source.Sources;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code photosearch index SOURCE...}: ingests and analyses sources; re-running only does what changed. */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = {"Add photos to the index, or bring it up to date.",
            "SOURCE is a folder of images, an Instagram export (zip, folder or posts_N.json), an instagram-scraper "
                + "JSON, an Instaloader folder, a gallery-dl folder, a text file of image URLs, instagram:USERNAME or "
                + "instagram:id:NUMBER (a profile, collected live) or instagram-api: (your professional account, "
                + "with $INSTAGRAM_ACCESS_TOKEN)."})
final class IndexCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SOURCE", arity = "1..*", description = "What to index.")
    List<String> sources;

    @Mixin
    IndexingOptions indexing;

    @Mixin
    InstagramOptions instagram;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Home home = main.home();
        CollectOptions options = sources.stream().anyMatch(Sources::isLive) ? instagram.resolve(err) : null;
        // Sources are opened first, live accounts collected: one that cannot be used (a FIFO, a dead network, a
        // login wall) is told at once, before the models load.
        List<Opened> opened = new ArrayList<>();
        for (String name : sources) {
            PhotoSource source = open(name, home, options, err);
            if (source != null) {
                opened.add(new Opened(name, source));
            }
        }
        int failures = sources.size() - opened.size();
        if (opened.isEmpty()) {
            return 1;
        }
        try (IndexSession session = new IndexSession(home, main.store(), main.models(), indexing, err)) {
            for (Opened source : opened) {
                IndexReport report = indexOne(source, session, out, err);
                failures += report == null || IndexSession.thumbnailsFailed(source.name(), report, home, err) ? 1 : 0;
                if (report != null && report.interrupted()) {
                    break;
                }
            }
        }
        return failures == 0 ? 0 : 1;
    }

    /** A source as given on the command line, opened. */
    private record Opened(String name, PhotoSource source) {}

    /** Opens a source, collecting a live account's new posts now; null when that failed (the reason is printed). */
    private static PhotoSource open(String name, Home home, CollectOptions options, PrintWriter err) {
        try {
            return Sources.isLive(name) ? Sources.openCollection(name, home.dir(), options).collectNow()
                    : Sources.open(name);
        } catch (IOException e) {
            failed(name, e, err);
            return null;
        }
    }

    /** Indexes one source and prints its summary; null when it could not be read. */
    private static IndexReport indexOne(Opened source, IndexSession session, PrintWriter out, PrintWriter err) {
        String name = source.name();
        IndexReport report;
        try {
            report = session.index(source.source(), photo -> false);
        } catch (IOException e) {
            failed(name, e, err);
            return null;
        }
        IndexSession.printReport(name, report, out);
        return report;
    }

    private static void failed(String name, IOException e, PrintWriter err) {
        err.println("photosearch: " + name + ": " + e.getMessage());
        if (e instanceof HostUnreachable) {
            return; // one line: the network is down
        }
        err.println(e instanceof SourceException ? "  nothing already indexed was changed."
                : "  photos saved before the error are kept; run the command again to continue.");
    }
}
