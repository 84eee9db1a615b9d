package dev.photosearch.cli;

import dev.photosearch.index.IndexReport;
import dev.photosearch.source.CollectOptions;
import dev.photosearch.source.HostUnreachable;
import dev.photosearch.source.PhotoSource;
import dev.photosearch.source.SourceException;
import dev.photosearch.source.Sources;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
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
        int failures = 0;
        try (IndexSession session = new IndexSession(home, main.models(), indexing, err)) {
            for (String source : sources) {
                IndexReport report = indexOne(source, home, options, session, out, err);
                failures += report == null ? 1 : 0;
                if (report != null && report.interrupted()) {
                    break;
                }
            }
        }
        return failures == 0 ? 0 : 1;
    }

    /** Indexes one source and prints its summary; null when it could not be read. */
    private static IndexReport indexOne(String name, Home home, CollectOptions options, IndexSession session,
            PrintWriter out, PrintWriter err) {
        IndexReport report;
        try {
            PhotoSource source = options == null ? Sources.open(name) : Sources.open(name, home.dir(), options);
            report = session.index(source, photo -> false);
        } catch (HostUnreachable e) {
            err.println("photosearch: " + name + ": " + e.getMessage()); // one line: the network is down
            return null;
        } catch (SourceException e) {
            err.println("photosearch: " + name + ": " + e.getMessage());
            err.println("  nothing already indexed was changed.");
            return null;
        } catch (IOException e) {
            err.println("photosearch: " + name + ": " + e.getMessage());
            err.println("  photos saved before the error are kept; run the command again to continue.");
            return null;
        }
        IndexSession.printReport(name, report, out);
        return report;
    }
}
