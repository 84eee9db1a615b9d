package dev.photosearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        Evaluation.Scores s = Evaluation.score(new int[] {1, 3, 7, 0});
        assertEquals(4, s.queries());
        assertEquals(0.25, s.recallAt1(), 1e-9);
        assertEquals(0.5, s.recallAt5(), 1e-9);
        assertEquals(0.75, s.recallAt10(), 1e-9);
        assertEquals((1 + 1 / 3.0 + 1 / 7.0) / 4, s.mrr(), 1e-9);
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
