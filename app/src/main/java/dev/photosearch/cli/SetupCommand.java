package dev.photosearch.cli;

import dev.photosearch.embed.TextModel;
import dev.photosearch.index.PhotoStore;
import dev.photosearch.index.StoreWriter;
import dev.photosearch.index.solr.SolrSetup;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code photosearch setup}: makes the store ready. With {@code --solr}, uploads the configset and creates the
 * collection (idempotent); else creates the home's index, or upgrades one written in an older format. Indexing and
 * serving prepare the embedded index too; searches do not, since they never write.
 */
@Command(name = "setup", mixinStandardHelpOptions = true,
        description = {"Create the store: with --solr, upload the configset and create the collection (running it "
            + "again changes nothing); else create the home's index, or upgrade one from an older PhotoSearch."})
final class SetupCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Mixin
    SolrLayout layout;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<URI> nodes = main.solrNodes();
        if (!nodes.isEmpty()) {
            SolrSetup.Result result = SolrSetup.run(nodes, main.collection(), layout.shards, layout.replicas);
            out.printf("%s the Solr collection '%s' (configset %s)%n", result.created() ? "created" : "ready:",
                    result.collection(), result.configset());
            return 0;
        }
        try (PhotoStore store = main.store(); StoreWriter writer = store.writer()) {
            writer.createIfAbsent(TextModel.BGE_SMALL);
            out.println("ready: " + store.describe());
        }
        return 0;
    }
}
