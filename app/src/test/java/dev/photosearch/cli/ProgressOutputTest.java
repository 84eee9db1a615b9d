package dev.photosearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.photosearch.source.CollectionProgress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ProgressBar;
import org.junit.jupiter.api.Test;

class ProgressOutputTest {

    @Test
    void withoutATerminalABarWritesAFewPlainLinesNotARedrawPerStep() {
        StringWriter text = new StringWriter();
        ProgressOutput output = ProgressOutput.plain(new PrintWriter(text), System::nanoTime);
        try (ProgressBar bar = output.bar("Indexing", " photos", 1).build()) {
            bar.maxHint(500);
            for (int i = 1; i <= 500; i++) {
                bar.stepTo(i);
            }
        }
        List<String> lines = text.toString().lines().toList();
        assertFalse(text.toString().contains("\r"), "no carriage returns in a log");
        assertTrue(lines.size() <= 3, lines.toString());
        assertTrue(lines.get(lines.size() - 1).contains("500/500"), lines.toString());
    }

    @Test
    void aLineThatRepeatsTheOneBeforeIsLeftOut() {
        List<String> printed = new ArrayList<>();
        var lines = ProgressOutput.skipRepeats(printed::add);
        List.of("10/80", "80/80", "80/80", "0/5", "0/5").forEach(lines);
        assertEquals(List.of("10/80", "80/80", "0/5"), printed);
    }

    @Test
    void aCollectionPrintsItsFirstPageThenAtMostOneLineEveryTwoSeconds() {
        StringWriter text = new StringWriter();
        AtomicLong now = new AtomicLong();
        CollectionProgress progress = ProgressOutput.plain(new PrintWriter(text), now::get).collection();
        progress.stored("instagram:ann", 12, 1);
        now.set(1_000_000_000L);
        progress.stored("instagram:ann", 24, 2);
        now.set(2_500_000_000L);
        progress.stored("instagram:ann", 36, 3);
        assertEquals(List.of("instagram:ann: 12 posts stored (1 requests)",
                "instagram:ann: 36 posts stored (3 requests)"),
                text.toString().lines().toList());
    }
}
