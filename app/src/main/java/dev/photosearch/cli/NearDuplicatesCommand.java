package dev.photosearch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.photosearch.index.IndexedPhoto;
import dev.photosearch.index.PhotoStore;
import dev.photosearch.search.SimilarPhotos;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code photosearch near-duplicates}: groups of photos that are the same picture, resized or re-encoded. */
@Command(name = "near-duplicates", mixinStandardHelpOptions = true,
        description = {"List groups of near-identical photos (the same picture resized, re-encoded or lightly "
            + "edited), by the distance between their perceptual hashes."})
final class NearDuplicatesCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--distance", paramLabel = "BITS", defaultValue = "6",
            description = "Most hash bits (of 64) two photos may differ in (default 6; 0 = identical hashes).")
    int distance;

    @Option(names = "--json", description = "Print the groups as JSON for programs.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        List<List<IndexedPhoto>> groups;
        try (PhotoStore store = main.store(); SimilarPhotos similar = SimilarPhotos.open(store.reader())) {
            groups = similar.nearDuplicates(distance);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ArrayNode list = new ObjectMapper().createArrayNode();
            for (List<IndexedPhoto> group : groups) {
                ArrayNode paths = list.addArray();
                group.forEach(p -> paths.addObject().put("id", p.photo().id()).put("path", p.photo().path()));
            }
            out.println(list);
        } else if (groups.isEmpty()) {
            out.println("No near-duplicates.");
        } else {
            int n = 1;
            for (List<IndexedPhoto> group : groups) {
                out.printf("%d. %d photos%n", n++, group.size());
                group.forEach(p -> out.println("    " + p.photo().path()));
            }
        }
        out.flush();
        return 0;
    }
}
