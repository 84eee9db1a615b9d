package dev.photosearch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.photosearch.index.NothingIndexedException;
import dev.photosearch.index.PhotoStore;
import dev.photosearch.index.StoreReader;
import dev.photosearch.index.StoreView;
import dev.photosearch.index.StoreWriter;
import dev.photosearch.media.MediaLimits;
import dev.photosearch.media.MediaLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code photosearch sources [remove SOURCE...]}: what the index holds, by source, and taking a source out. */
@Command(name = "sources", mixinStandardHelpOptions = true,
        description = {"List the indexed sources with how many photos each has.",
            "Sources are named by their kind and where they were read: folder:PATH, instagram-export:PATH, "
                + "instagram:USERNAME..."},
        subcommands = SourcesCommand.Remove.class)
final class SourcesCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print the list as JSON for programs.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        Map<String, Integer> sources = sources(main.store());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ArrayNode list = new ObjectMapper().createArrayNode();
            sources.forEach((source, photos) -> list.addObject().put("source", source).put("photos", photos));
            out.println(list);
        } else if (sources.isEmpty()) {
            out.println("Nothing indexed yet.");
        } else {
            sources.forEach((source, photos) -> out.printf("%8d  %s%n", photos, source));
        }
        out.flush();
        return 0;
    }

    /** The committed sources, read without taking the index's write lock (a running serve keeps it). */
    private static Map<String, Integer> sources(PhotoStore store) throws IOException {
        try (store; StoreReader reader = store.reader(); StoreView view = reader.view()) {
            return view.sources();
        } catch (NothingIndexedException e) {
            return Map.of();
        }
    }

    /** {@code sources remove SOURCE...}. */
    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = {"Take every photo of these sources out of the index, with their cached thumbnails (a "
                + "source read again by index comes back). A collected account's files stay in the home."})
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        SourcesCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "SOURCE", arity = "1..*", description = "Sources as `sources` lists them.")
        List<String> keys;

        @Override
        public Integer call() throws IOException {
            Home home = parent.main.home();
            Map<String, Integer> known = sources(parent.main.store());
            List<String> unknown = keys.stream().filter(key -> !known.containsKey(key)).toList();
            if (!unknown.isEmpty()) {
                spec.commandLine().getErr().println("not an indexed source: " + String.join(", ", unknown)
                        + " (photosearch sources lists them); nothing was removed");
                return 1;
            }
            MediaLoader thumbnails = new MediaLoader(home.thumbnails(), MediaLimits.DEFAULTS);
            try (PhotoStore store = parent.main.store(); StoreWriter index = store.writer()) {
                for (String key : keys) {
                    Set<String> removed = index.removeSource(key);
                    thumbnails.forget(removed);
                    spec.commandLine().getOut().printf("%s: %d photos removed%n", key, removed.size());
                }
            }
            return 0;
        }
    }
}
