package dev.photosearch.cli;

import dev.photosearch.index.PhotoStore;
import dev.photosearch.index.solr.SolrStore;
import dev.photosearch.models.ModelCatalog;
import dev.photosearch.models.ModelStore;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code photosearch} command. */
@Command(name = "photosearch", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Find a photo in your collections from a description in plain words.",
        subcommands = {IndexCommand.class, RefreshCommand.class, SearchCommand.class, EvalCommand.class,
            ServeCommand.class, BenchCommand.class, BenchApiCommand.class, ServerBenchCommand.class, ModelsCommand.class,
            SimilarCommand.class, NearDuplicatesCommand.class, SourcesCommand.class, ListCommand.class,
            ModelBenchCommand.class, SetupCommand.class})
public final class Main {

    @Option(names = "--home", paramLabel = "DIR",
            description = "Where the index and thumbnails live (default: $PHOTOSEARCH_HOME, else ~/.photosearch).")
    Path home;

    @Option(names = "--model-dir", paramLabel = "DIR",
            description = "Where downloaded models live (default: the home's models/ folder).")
    Path modelDir;

    @Option(names = "--solr", paramLabel = "URL[,URL...]", split = ",",
            description = "Keep the photos in a SolrCloud collection, reached at these node URLs such as "
                + "http://127.0.0.1:8983/solr (default: $PHOTOSEARCH_SOLR; without either, the home's own index).")
    List<URI> solr;

    @Option(names = "--collection", paramLabel = "NAME",
            description = "The Solr collection (default: $PHOTOSEARCH_COLLECTION, else photosearch).")
    String collection;

    Home home() {
        return Home.resolve(home);
    }

    /** The Solr node URLs of {@code --solr}, else of $PHOTOSEARCH_SOLR; empty for the embedded store. */
    List<URI> solrNodes() {
        if (solr != null && !solr.isEmpty()) {
            return solr;
        }
        String env = System.getenv("PHOTOSEARCH_SOLR");
        if (env == null || env.isBlank()) {
            return List.of();
        }
        return Arrays.stream(env.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(URI::create).toList();
    }

    /** The Solr collection of {@code --collection}, else of $PHOTOSEARCH_COLLECTION, else "photosearch". */
    String collection() {
        if (collection != null && !collection.isBlank()) {
            return collection;
        }
        String env = System.getenv("PHOTOSEARCH_COLLECTION");
        return env == null || env.isBlank() ? "photosearch" : env.strip();
    }

    /** Where the photos are kept: the Solr collection when one is named, else the home's embedded index. */
    PhotoStore store() {
        List<URI> nodes = solrNodes();
        return nodes.isEmpty() ? PhotoStore.embedded(home().index()) : SolrStore.connect(nodes, collection());
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
        CommandLine cli = new CommandLine(new Main()).setOut(out).setErr(err).setCaseInsensitiveEnumValuesAllowed(true);
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
