package dev.photosearch.cli;

import dev.photosearch.index.PhotoStore;
import dev.photosearch.models.ModelCatalog;
import dev.photosearch.models.ModelStore;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code photosearch} command. */
@Command(name = "photosearch", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Find a photo in your collections from a description in plain words.",
        subcommands = {IndexCommand.class, RefreshCommand.class, SearchCommand.class, EvalCommand.class,
            ServeCommand.class, BenchCommand.class, BenchApiCommand.class, ServerBenchCommand.class, ModelsCommand.class,
            SimilarCommand.class, NearDuplicatesCommand.class, SourcesCommand.class, ModelBenchCommand.class,
            SetupCommand.class})
public final class Main {

    @Option(names = "--home", paramLabel = "DIR",
            description = "Where the index and thumbnails live (default: $PHOTOSEARCH_HOME, else ~/.photosearch).")
    Path home;

    @Option(names = "--model-dir", paramLabel = "DIR",
            description = "Where downloaded models live (default: the home's models/ folder).")
    Path modelDir;

    Home home() {
        return Home.resolve(home);
    }

    /** Where the photos are kept: the home's embedded index. */
    PhotoStore store() {
        return PhotoStore.embedded(home().index());
    }

    ModelStore models() {
        return new ModelStore(modelDir != null ? modelDir : home().dir().resolve("models"), ModelCatalog.builtIn());
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code: 0 done, 1 failed, 2 wrong usage. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8), args);
    }

    /** Runs the command line with its output sent to {@code out} and {@code err}. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main()).setOut(out).setErr(err);
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("photosearch: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        });
        return cli.execute(args);
    }

    /** Reads the version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"photosearch " + (version == null ? "(development build)" : version)};
        }
    }
}
