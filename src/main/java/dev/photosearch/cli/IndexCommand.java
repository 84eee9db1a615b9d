package dev.photosearch.cli;

import dev.photosearch.index.IndexReport;
import dev.photosearch.source.CollectOptions;
import dev.photosearch.source.HostUnreachable;
import dev.photosearch.source.PhotoSource;
import dev.photosearch.source.SourceException;
import dev.photosearch.source.Sources;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

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
        // live accounts are collected before the models load, so a dead network or a login wall shows at once
        Map<String, PhotoSource> collected = new LinkedHashMap<>();
        int failures = 0;
        for (String source : sources) {
            if (Sources.isLive(source)) {
                PhotoSource live = collect(source, home, options, err);
                failures += live == null ? 1 : 0;
                if (live != null) {
                    collected.put(source, live);
                }
            }
        }
        List<String> toIndex = sources.stream().filter(s -> !Sources.isLive(s) || collected.containsKey(s)).toList();
        if (toIndex.isEmpty()) {
            return 1;
        }
        try (IndexSession session = new IndexSession(home, main.models(), indexing, err)) {
            for (String source : toIndex) {
                IndexReport report = indexOne(source, collected.get(source), session, out, err);
                failures += report == null ? 1 : 0;
                if (report != null && report.interrupted()) {
                    break;
                }
            }
        }
        return failures == 0 ? 0 : 1;
    }

    /** A live account with its new posts collected; null when that failed (the reason is printed). */
    private static PhotoSource collect(String name, Home home, CollectOptions options, PrintWriter err) {
        try {
            return Sources.openCollection(name, home.dir(), options).collectNow();
        } catch (IOException e) {
            failed(name, e, err);
            return null;
        }
    }

    /** Indexes one source ({@code opened} when already open) and prints its summary; null when it failed. */
    private static IndexReport indexOne(String name, PhotoSource opened, IndexSession session, PrintWriter out,
            PrintWriter err) {
        IndexReport report;
        try {
            report = session.index(opened != null ? opened : Sources.open(name), photo -> false);
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
