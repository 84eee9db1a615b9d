package dev.photosearch.cli;

import dev.photosearch.embed.ClipQueryEncoder;
import dev.photosearch.embed.TextEncoder;
import dev.photosearch.index.PhotoStore;
import dev.photosearch.search.Hit;
import dev.photosearch.search.PhotoSearcher;
import dev.photosearch.search.SearchResults;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code photosearch search [--limit N] [--json] QUERY}: the best matches first. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Find photos matching a description.",
            "With QUERY '-', reads one query per line from standard input and prints one JSON line per query."})
final class SearchCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "How many results (default 10).")
    int limit;

    @Option(names = "--json", description = "Print results as JSON for programs.")
    boolean json;

    @Parameters(paramLabel = "QUERY", arity = "1..*", description = "The description; several words are joined.")
    List<String> words;

    @Override
    public Integer call() throws IOException {
        if (limit < 1) {
            throw new IllegalArgumentException("--limit must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (ClipQueryEncoder clip = InstalledModels.queryEncoder(main.models(), spec.commandLine().getErr())
                        .orElse(null);
                PhotoStore store = main.store();
                PhotoSearcher searcher = PhotoSearcher.open(store.reader(), TextEncoder::load, clip)) {
            if (words.size() == 1 && words.get(0).equals("-")) {
                return searchLines(searcher, out);
            }
            SearchResults results = searcher.search(String.join(" ", words), limit, 0);
            if (json) {
                out.println(ResultJson.line(results));
            } else {
                printForPeople(results, out);
            }
        }
        out.flush();
        return 0;
    }

    private int searchLines(PhotoSearcher searcher, PrintWriter out) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            try {
                out.println(ResultJson.line(searcher.search(line, limit, 0)));
            } catch (IllegalArgumentException e) {
                out.println(ResultJson.error(line, e.getMessage()));
            }
            out.flush();
        }
        return 0;
    }

    private static void printForPeople(SearchResults results, PrintWriter out) {
        if (results.hits().isEmpty()) {
            out.println("No photo matches \"" + results.query() + "\".");
            return;
        }
        int rank = 1;
        for (Hit hit : results.hits()) {
            String signals = hit.matched().entrySet().stream()
                    .map(e -> e.getKey() + " #" + e.getValue()).collect(Collectors.joining(", "));
            out.printf("%2d. %.3f  %s%n", rank++, hit.score(), hit.photo().photo().path());
            out.printf("    %s%n", abbreviate(hit.photo().description().summary(), 160));
            out.printf("    matched: %s%n", signals);
        }
        out.printf("(%d ms)%n", results.tookMs());
    }

    private static String abbreviate(String text, int max) {
        String line = text.replaceAll("\\s+", " ");
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }
}
