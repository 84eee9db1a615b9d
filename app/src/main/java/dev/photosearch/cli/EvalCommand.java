package dev.photosearch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.photosearch.embed.ClipQueryEncoder;
import dev.photosearch.embed.TextEncoder;
import dev.photosearch.index.PhotoStore;
import dev.photosearch.search.Evaluation;
import dev.photosearch.search.Fusion;
import dev.photosearch.search.PhotoSearcher;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code photosearch eval [--json] FILE.jsonl}: recall@1/5/10 and MRR over judged queries, and the precision and
 * recall of the likely matches.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Measure search quality on queries whose right answers are known.",
            "FILE has one JSON object per line: {\"query\": \"...\", \"relevant\": [\"path-or-id\", ...]}."})
final class EvalCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print the scores as one JSON object.")
    boolean json;

    @Option(names = "--fusion", paramLabel = "SPEC",
            description = "Weigh the signals (text, vector, clip) differently, e.g. text=0.5,vector=1 or clip=0 "
                    + "(default: text=0.2, the others 1).")
    String fusion;

    @Parameters(paramLabel = "FILE.jsonl", description = "The judged queries.")
    Path file;

    @Override
    public Integer call() throws IOException {
        var judged = Evaluation.read(file);
        Evaluation.Scores s;
        try (ClipQueryEncoder clip = InstalledModels.queryEncoder(main.models(), spec.commandLine().getErr())
                        .orElse(null);
                PhotoStore store = main.store();
                PhotoSearcher searcher = PhotoSearcher.open(store.reader(), TextEncoder::load, clip,
                        fusion == null ? Fusion.DEFAULT : Fusion.parse(fusion))) {
            s = Evaluation.run(searcher, judged);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode node = new ObjectMapper().createObjectNode();
            node.put("recall@1", s.recallAt1());
            node.put("recall@5", s.recallAt5());
            node.put("recall@10", s.recallAt10());
            node.put("mrr", s.mrr());
            node.put("queries", s.queries());
            node.put("likely_precision", s.likelyPrecision());
            node.put("likely_recall", s.likelyRecall());
            node.put("likely_found", s.likelyFound());
            node.put("likely_per_query", s.likelyPerQuery());
            out.println(node);
        } else {
            out.printf("queries    %d%nrecall@1   %.3f%nrecall@5   %.3f%nrecall@10  %.3f%nMRR        %.3f%n",
                    s.queries(), s.recallAt1(), s.recallAt5(), s.recallAt10(), s.mrr());
            out.printf("likely matches: precision %.3f, recall %.3f, found for %.3f of queries, %.2f per query%n",
                    s.likelyPrecision(), s.likelyRecall(), s.likelyFound(), s.likelyPerQuery());
        }
        out.flush();
        return 0;
    }
}
