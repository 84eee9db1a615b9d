package dev.photosearch.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Measures ranking quality on queries whose relevant photos are known. recall@k is the share of queries with at
 * least one relevant photo in the first k results; MRR is the mean of 1 / rank of the first relevant photo
 * (0 when none is in the first {@value #DEPTH}). The likely matches are measured too: their precision is the share
 * of them that are relevant (a lower bound where a photo not judged also fits), their recall the share of relevant
 * photos that are among them, and "found" the share of queries with a relevant photo among them.
 */
public final class Evaluation {

    /** One judged query: its relevant photos are named by path or by id. */
    public record Judged(String query, Set<String> relevant) {}

    /** The measures over a query set; {@code likelyPerQuery} is how many likely matches a query has on average. */
    public record Scores(int queries, double recallAt1, double recallAt5, double recallAt10, double mrr,
            double likelyPrecision, double likelyRecall, double likelyFound, double likelyPerQuery) {}

    /**
     * What one query found: the 1-based rank of its first relevant hit (0 when none), how many hits were likely,
     * how many of those were relevant, and how many photos are relevant.
     */
    record Outcome(int foundAt, int likely, int likelyRelevant, int relevant) {}

    static final int DEPTH = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Evaluation() {}

    /** Reads a JSON-lines file of {"query": "...", "relevant": ["path-or-id", ...]}; blank lines are ignored. */
    public static List<Judged> read(Path file) throws IOException {
        List<Judged> judged = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNo = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                if (!line.isBlank()) {
                    judged.add(parse(file, lineNo, line));
                }
            }
        }
        if (judged.isEmpty()) {
            throw new IOException(file + " holds no queries");
        }
        return judged;
    }

    private static Judged parse(Path file, int lineNo, String line) throws IOException {
        String where = file.getFileName() + " line " + lineNo + ": ";
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IOException(where + "not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
        JsonNode query = node.path("query");
        JsonNode relevant = node.path("relevant");
        if (!query.isTextual() || query.asText().isBlank() || !relevant.isArray() || relevant.isEmpty()) {
            throw new IOException(where + "expected {\"query\": \"...\", \"relevant\": [\"path-or-id\", ...]}");
        }
        Set<String> names = new LinkedHashSet<>();
        relevant.forEach(r -> names.add(r.asText()));
        return new Judged(query.asText(), names);
    }

    /** Runs every query and scores the rankings. */
    public static Scores run(PhotoSearcher searcher, List<Judged> judged) throws IOException {
        List<Outcome> outcomes = new ArrayList<>();
        for (Judged j : judged) {
            outcomes.add(outcome(searcher.search(j.query(), DEPTH, 0), j.relevant()));
        }
        return score(outcomes);
    }

    static Outcome outcome(SearchResults results, Set<String> relevant) {
        int foundAt = 0;
        int likely = 0;
        int likelyRelevant = 0;
        for (int i = 0; i < results.hits().size(); i++) {
            Hit hit = results.hits().get(i);
            var photo = hit.photo().photo();
            boolean isRelevant = relevant.contains(photo.path()) || relevant.contains(photo.id());
            foundAt = foundAt == 0 && isRelevant ? i + 1 : foundAt;
            likely += hit.likely() ? 1 : 0;
            likelyRelevant += hit.likely() && isRelevant ? 1 : 0;
        }
        return new Outcome(foundAt, likely, likelyRelevant, relevant.size());
    }

    static Scores score(List<Outcome> outcomes) {
        int at1 = 0;
        int at5 = 0;
        int at10 = 0;
        double reciprocal = 0;
        int likely = 0;
        int likelyRelevant = 0;
        int relevant = 0;
        int found = 0;
        for (Outcome o : outcomes) {
            int rank = o.foundAt();
            if (rank > 0) {
                at1 += rank <= 1 ? 1 : 0;
                at5 += rank <= 5 ? 1 : 0;
                at10 += rank <= 10 ? 1 : 0;
                reciprocal += 1.0 / rank;
            }
            likely += o.likely();
            likelyRelevant += o.likelyRelevant();
            relevant += o.relevant();
            found += o.likelyRelevant() > 0 ? 1 : 0;
        }
        double n = outcomes.size();
        return new Scores(outcomes.size(), at1 / n, at5 / n, at10 / n, reciprocal / n,
                likely == 0 ? 0 : likelyRelevant / (double) likely, likelyRelevant / (double) relevant, found / n,
                likely / n);
    }
}
