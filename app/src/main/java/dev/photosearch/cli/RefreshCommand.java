package dev.photosearch.cli;

import dev.photosearch.index.IndexReport;
import dev.photosearch.source.CollectOptions;
import dev.photosearch.source.InstagramCollectionSource;
import dev.photosearch.source.Sources;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code photosearch refresh [ACCOUNT...]}: renews the expired image URLs of collected posts and their thumbnails. */
@Command(name = "refresh", mixinStandardHelpOptions = true,
        description = {"Fetch collected Instagram posts again: their image URLs expire. Updates the stored posts,",
            "caches their thumbnails anew and re-indexes what changed. Least recently fetched posts go first."})
final class RefreshCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ACCOUNT", arity = "0..*",
            description = "instagram:USERNAME or instagram-api:[NAME] (default: every collected account).")
    List<String> accounts;

    @Mixin
    InstagramOptions instagram;

    @Mixin
    IndexingOptions indexing;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Home home = main.home();
        List<String> specs = accounts == null || accounts.isEmpty() ? Sources.collected(home.dir()) : accounts;
        if (specs.isEmpty()) {
            out.println("Nothing collected from Instagram yet: run `photosearch index instagram:USERNAME` first.");
            return 0;
        }
        for (String name : specs) {
            if (!Sources.isLive(name)) {
                err.println("photosearch: " + name + ": refresh takes instagram:USERNAME or instagram-api:[NAME]");
                return 2;
            }
        }
        CollectOptions options = instagram.resolve(err);
        // every account is fetched before the models load, so a dead network shows at once
        Map<String, InstagramCollectionSource> sources = new LinkedHashMap<>();
        Map<String, InstagramCollectionSource.Refresh> refreshes = new LinkedHashMap<>();
        for (String name : specs) {
            InstagramCollectionSource source = Sources.openCollection(name, home.dir(), options);
            InstagramCollectionSource.Refresh refresh = source.refresh();
            out.printf("%s: %d posts fetched again, %d no longer on Instagram (kept)%n", name,
                    refresh.refreshed(), refresh.deleted());
            if (refresh.stopped() != null) {
                out.println("  stopped: " + refresh.stopped());
            }
            sources.put(name, source.storedOnly());
            refreshes.put(name, refresh);
        }
        int failures = 0;
        try (IndexSession session = new IndexSession(home, main.store(), main.models(), indexing, err)) {
            for (String name : specs) {
                Set<String> renewed = refreshes.get(name).photoIds();
                IndexReport report = session.index(sources.get(name), photo -> renewed.contains(photo.id()));
                IndexSession.printReport(name, report, out);
                failures += IndexSession.thumbnailsFailed(name, report, home, err) ? 1 : 0;
                if (report.interrupted()) {
                    break;
                }
            }
        }
        return failures == 0 ? 0 : 1;
    }
}
