package dev.photosearch.cli;

import dev.photosearch.embed.TextModel;
import dev.photosearch.index.PhotoStore;
import dev.photosearch.index.StoreWriter;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code photosearch setup}: makes the store ready, creating it when absent and upgrading an index of an older
 * format. Indexing and serving do this too; searches do not, since they never write.
 */
@Command(name = "setup", mixinStandardHelpOptions = true,
        description = "Create the store, or upgrade an index written by an older PhotoSearch.")
final class SetupCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        try (PhotoStore store = main.store(); StoreWriter writer = store.writer()) {
            writer.createIfAbsent(TextModel.BGE_SMALL);
            spec.commandLine().getOut().println("ready: " + store.describe());
        }
        return 0;
    }
}
