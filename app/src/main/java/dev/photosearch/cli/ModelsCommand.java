package dev.photosearch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.photosearch.models.InstalledModel;
import dev.photosearch.models.ModelDownloader;
import dev.photosearch.models.ModelFile;
import dev.photosearch.models.ModelSpec;
import dev.photosearch.models.ModelStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code photosearch models list|pull|import|remove}: the optional neural models, downloaded once. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = {"Manage the optional models (CLIP search, multilingual CLIP queries, the captioner).",
            "Installed models are used automatically by index and search."},
        subcommands = {ModelsCommand.ListModels.class, ModelsCommand.Pull.class, ModelsCommand.Import.class,
            ModelsCommand.Remove.class})
final class ModelsCommand {

    @ParentCommand
    Main main;

    /** {@code models list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Known models and whether they are installed.")
    static final class ListModels implements Callable<Integer> {
        @ParentCommand
        ModelsCommand parent;

        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "Print the list as JSON for programs.")
        boolean json;

        @Override
        public Integer call() {
            ModelStore store = parent.main.models();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ObjectMapper mapper = new ObjectMapper();
                ArrayNode list = mapper.createArrayNode();
                for (var entry : store.status()) {
                    ModelSpec m = entry.getKey();
                    ObjectNode node = list.addObject();
                    node.put("name", m.name());
                    node.put("kind", m.kind());
                    node.put("installed", entry.getValue());
                    node.put("approx_mb", Math.round(m.approxMb()));
                    node.put("repository", m.repository());
                    node.put("licence", m.licence());
                    node.put("dir", store.dir(m).toString());
                }
                out.println(list);
            } else {
                out.printf("%-22s %-10s %8s  %-10s %s%n", "NAME", "KIND", "SIZE", "STATUS", "WHAT");
                for (var entry : store.status()) {
                    ModelSpec m = entry.getKey();
                    out.printf("%-22s %-10s %5d MB  %-10s %s%n", m.name(), m.kind(), Math.round(m.approxMb()),
                            entry.getValue() ? "installed" : "-", m.title());
                }
                out.println("Models live in " + store.root() + ".");
            }
            out.flush();
            return 0;
        }
    }

    /** {@code models pull NAME}. */
    @Command(name = "pull", mixinStandardHelpOptions = true,
            description = {"Download a model from Hugging Face, resuming an interrupted download, and verify it."})
    static final class Pull implements Callable<Integer> {
        @ParentCommand
        ModelsCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "A name from 'photosearch models list'.")
        String name;

        @Option(names = "--base-url", paramLabel = "URL",
                description = "Where models are published (default: $PHOTOSEARCH_MODEL_BASE_URL, else "
                        + "https://huggingface.co/).")
        URI baseUrl;

        @Override
        public Integer call() throws IOException {
            ModelStore store = parent.main.models();
            ModelSpec model = store.catalog().byName(name);
            String env = System.getenv("PHOTOSEARCH_MODEL_BASE_URL");
            URI base = baseUrl != null ? baseUrl
                    : env != null && !env.isBlank() ? URI.create(env) : ModelDownloader.HUGGING_FACE;
            Map<ModelFile, ProgressBar> bars = new HashMap<>();
            ProgressOutput progress = ProgressOutput.to(spec.commandLine().getErr());
            InstalledModel installed;
            try {
                installed = new ModelDownloader(base).pull(model, store, (file, done, total) -> {
                    ProgressBar bar = bars.computeIfAbsent(file,
                            f -> progress.bar(f.fileName(), " MB", 1 << 20).build());
                    bar.maxHint(total);
                    bar.stepTo(done);
                });
            } finally {
                bars.values().forEach(ProgressBar::close);
            }
            spec.commandLine().getOut().println("installed " + model.name() + " in " + installed.dir());
            return 0;
        }
    }

    /** {@code models import NAME DIR}. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Install a model from files already on disk (fetched on another machine), after checking "
                + "their names, sizes and checksums.",
                "DIR holds the files at their repository paths (onnx/...) or side by side."})
    static final class Import implements Callable<Integer> {
        @ParentCommand
        ModelsCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "A name from 'photosearch models list'.")
        String name;

        @Parameters(index = "1", paramLabel = "DIR", description = "The folder holding the model's files.")
        Path dir;

        @Override
        public Integer call() throws IOException {
            ModelStore store = parent.main.models();
            InstalledModel installed = store.importFrom(store.catalog().byName(name), dir);
            spec.commandLine().getOut().println("installed " + name + " in " + installed.dir());
            return 0;
        }
    }

    /** {@code models remove NAME}. */
    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Delete an installed model.")
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        ModelsCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "The model to delete.")
        String name;

        @Override
        public Integer call() throws IOException {
            ModelStore store = parent.main.models();
            boolean removed = store.remove(store.catalog().byName(name));
            spec.commandLine().getOut().println(removed ? "removed " + name : name + " was not installed");
            return 0;
        }
    }
}
