package dev.photosearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.photosearch.cli.CommandLineTest.Run;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An index written by an older PhotoSearch: searches say what to run, and setup upgrades it. */
class SetupCommandTest {

    @TempDir
    Path dir;

    @Test
    void anOlderIndexIsUpgradedBySetupAndThenSearched() throws Exception {
        Path home = dir.resolve("home");
        assertEquals(0, CommandLineTest.runIn(home, "index", CommandLineTest.EXAMPLE.toString()).code());
        // An index from before formats were recorded: its commit names only the text model.
        try (FSDirectory directory = FSDirectory.open(home.resolve("index"));
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            writer.setLiveCommitData(Map.of("text_model", "bge-small-en-v1.5-q").entrySet());
            writer.commit();
        }
        Run refused = CommandLineTest.runIn(home, "search", "a boat on a lake");
        assertEquals(1, refused.code());
        assertEquals(1, refused.err().strip().lines().count(), refused.err());
        assertTrue(refused.err().contains("run 'photosearch setup' once to upgrade it"), refused.err());

        Run setup = CommandLineTest.runIn(home, "setup");
        assertEquals(0, setup.code(), setup.err());
        assertEquals("ready: the index in " + home.resolve("index"), setup.out().strip());
        Run search = CommandLineTest.runIn(home, "search", "--limit", "1", "a boat on a lake");
        assertEquals(0, search.code(), search.err());
        assertTrue(search.out().contains("boat"), search.out());
    }
}
