package dev.photosearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.photosearch.search.Evaluation.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationTest {

    @TempDir
    Path dir;

    @Test
    void scoresRecallAtCutoffsAndMeanReciprocalRank() {
        // Found first, third, seventh, and not at all.
        Evaluation.Scores s = Evaluation.score(List.of(new Outcome(1, 0, 0, 1), new Outcome(3, 0, 0, 1),
                new Outcome(7, 0, 0, 1), new Outcome(0, 0, 0, 1)));
        assertEquals(4, s.queries());
        assertEquals(0.25, s.recallAt1(), 1e-9);
        assertEquals(0.5, s.recallAt5(), 1e-9);
        assertEquals(0.75, s.recallAt10(), 1e-9);
        assertEquals((1 + 1 / 3.0 + 1 / 7.0) / 4, s.mrr(), 1e-9);
    }

    @Test
    void scoresTheLikelyMatchesOverEveryQuery() {
        // 2 likely of which 1 relevant (of 2 relevant); 3 likely, none relevant (of 1); none likely (of 1).
        Evaluation.Scores s = Evaluation.score(List.of(new Outcome(1, 2, 1, 2), new Outcome(4, 3, 0, 1),
                new Outcome(0, 0, 0, 1)));
        assertEquals(1 / 5.0, s.likelyPrecision(), 1e-9);
        assertEquals(1 / 4.0, s.likelyRecall(), 1e-9);
        assertEquals(1 / 3.0, s.likelyFound(), 1e-9);
        assertEquals(5 / 3.0, s.likelyPerQuery(), 1e-9);
        assertEquals(0, Evaluation.score(List.of(new Outcome(0, 0, 0, 1))).likelyPrecision());
    }

    @Test
    void readsJudgedQueriesAndIgnoresBlankLines() throws IOException {
        Path file = dir.resolve("q.jsonl");
        Files.writeString(file, "{\"query\": \"boat\", \"relevant\": [\"a.jpg\", \"b.jpg\"]}\n\n"
                + "{\"query\": \"cat\", \"relevant\": [\"0123\"]}\n");
        List<Evaluation.Judged> judged = Evaluation.read(file);
        assertEquals(List.of(new Evaluation.Judged("boat", Set.of("a.jpg", "b.jpg")),
                new Evaluation.Judged("cat", Set.of("0123"))), judged);
    }

    @Test
    void malformedLinesAreNamedByLineNumber() throws IOException {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, "{\"query\": \"boat\", \"relevant\": [\"a.jpg\"]}\n{\"query\": \"cat\", \n");
        IOException e = assertThrows(IOException.class, () -> Evaluation.read(file));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());

        Files.writeString(file, "{\"query\": \"boat\", \"relevant\": []}\n");
        e = assertThrows(IOException.class, () -> Evaluation.read(file));
        assertTrue(e.getMessage().contains("line 1") && e.getMessage().contains("relevant"), e.getMessage());
    }

    @Test
    void anEmptyFileIsAnError() throws IOException {
        Path file = Files.writeString(dir.resolve("empty.jsonl"), "\n");
        assertThrows(IOException.class, () -> Evaluation.read(file));
    }
}
