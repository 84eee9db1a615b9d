package dev.photosearch.cli;

import dev.photosearch.embed.ClipQueryEncoder;
import dev.photosearch.embed.TextEncoder;
import dev.photosearch.index.PhotoStore;
import dev.photosearch.search.Hit;
import dev.photosearch.search.Interpretation;
import dev.photosearch.search.PhotoSearcher;
import dev.photosearch.search.SearchRequest;
import dev.photosearch.search.SearchResults;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code photosearch search [--limit N] [--json] [--only-likely] [--literal KINDS] QUERY}: the likely matches first,
 * then the less likely ones.
 */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Find photos matching a description; dates and places said in it filter and search.",
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

    @Option(names = "--only-likely", description = "Leave out the results that are less likely matches.")
    boolean onlyLikely;

    @Option(names = "--literal", paramLabel = "KIND", split = ",",
            description = "Search what the query says of these as words instead of reading them: date, place.")
    Set<Interpretation.Kind> literal = Set.of();

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
            SearchResults results = searcher.search(request(String.join(" ", words)));
            if (json) {
                out.println(ResultJson.line(results, shown(results)));
            } else {
                printForPeople(results, shown(results), out);
            }
        }
        out.flush();
        return 0;
    }

    private int searchLines(PhotoSearcher searcher, PrintWriter out) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            try {
                SearchResults results = searcher.search(request(line));
                out.println(ResultJson.line(results, shown(results)));
            } catch (IllegalArgumentException e) {
                out.println(ResultJson.error(line, e.getMessage()));
            }
            out.flush();
        }
        return 0;
    }

    private SearchRequest request(String query) {
        return new SearchRequest(query, limit, 0, null, null, null, SearchRequest.Sort.RELEVANCE, literal);
    }

    private List<Hit> shown(SearchResults results) {
        return onlyLikely ? results.hits().stream().filter(Hit::likely).toList() : results.hits();
    }

    private static void printForPeople(SearchResults results, List<Hit> hits, PrintWriter out) {
        for (Interpretation.Span span : results.interpreted().spans()) {
            out.printf("Read \"%s\" as %s (--literal %s searches it as words).%n", span.text(),
                    reading(results.interpreted(), span.kind()), span.kind().name().toLowerCase(Locale.ROOT));
        }
        if (hits.isEmpty()) {
            out.println(results.hits().isEmpty() ? "No photo matches \"" + results.query() + "\"."
                    : "No likely match for \"" + results.query() + "\".");
            return;
        }
        out.println(results.matches() == 0 ? "No likely match among " + results.candidates() + " candidates."
                : results.matches() + " likely " + (results.matches() == 1 ? "match" : "matches") + " among "
                        + results.candidates() + " candidates.");
        int rank = 1;
        for (Hit hit : hits) {
            if (!hit.likely() && (rank == 1 || hits.get(rank - 2).likely())) {
                out.println("    -- less likely --");
            }
            String signals = hit.matched().entrySet().stream()
                    .map(e -> e.getKey() + " #" + e.getValue()).collect(Collectors.joining(", "));
            out.printf("%2d. %.3f  %s%n", rank++, hit.score(), hit.photo().photo().path());
            out.printf("    %s%n", abbreviate(hit.photo().description().summary(), 160));
            out.printf("    matched: %s%n", signals);
        }
        out.printf("(%d ms)%n", results.tookMs());
    }

    /**
     * "photos taken from 2019-06-01 to 2019-06-30" ("since", "until" when open) or "the place London", in the
     * server's zone.
     */
    private static String reading(Interpretation reading, Interpretation.Kind kind) {
        if (kind == Interpretation.Kind.PLACE) {
            return "the place " + reading.place();
        }
        ZoneId zone = ZoneId.systemDefault();
        String from = reading.from() == null ? null : LocalDate.ofInstant(reading.from(), zone).toString();
        String to = reading.to() == null ? null : LocalDate.ofInstant(reading.to(), zone).toString();
        return to == null ? "photos taken since " + from : from == null ? "photos taken until " + to
                : "photos taken from " + from + " to " + to;
    }

    private static String abbreviate(String text, int max) {
        String line = text.replaceAll("\\s+", " ");
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }
}
