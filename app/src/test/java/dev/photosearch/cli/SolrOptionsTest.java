package dev.photosearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.photosearch.cli.CommandLineTest.Run;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --solr} sends every command to the Solr store. No Solr runs here (the solr module's tests start real
 * clusters): a port nobody listens on shows that each command goes there, and fails with one line naming it.
 */
class SolrOptionsTest {

    @TempDir
    Path dir;

    private static String deadNode() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/solr";
        }
    }

    @Test
    void everyCommandGoesToTheNamedNodesAndSaysInOneLineWhenNoneAnswers() throws IOException {
        String node = deadNode();
        Path home = dir.resolve("home");
        String work = dir.resolve("work").toString();
        for (String[] command : new String[][] {
                {"search", "a boat"}, {"setup", "--shards", "2", "--replicas", "2"}, {"sources"}, {"list", "--json"},
                {"index", CommandLineTest.EXAMPLE.toString()}, {"bench", "--photos", "10", "--work", work},
                {"bench-api", "--photos", "10", "--work", work}, {"bench-server", "--photos", "10", "--work", work}}) {
            String[] args = new String[command.length + 2];
            args[0] = "--solr=" + node + "," + node.replace("/solr", "/other");
            args[1] = "--collection=team";
            System.arraycopy(command, 0, args, 2, command.length);
            Run run = CommandLineTest.runIn(home, args);
            assertEquals(1, run.code(), String.join(" ", command) + ": " + run.out() + run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertTrue(run.err().contains(node), String.join(" ", command) + ": " + run.err());
        }
        assertTrue(Files.notExists(home.resolve("index")), "nothing went to the embedded index");
        try (var left = Files.walk(dir.resolve("work"))) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().equals("index")), "nor to a scratch index");
        }
    }

    @Test
    void aNodeUrlThatIsNotHttpIsRefusedSayingWhatItShouldLookLike() {
        Run run = CommandLineTest.runIn(dir.resolve("home"), "--solr", "localhost:8983", "search", "a boat");
        assertEquals(1, run.code());
        assertTrue(run.err().contains("http://127.0.0.1:8983/solr"), run.err());
    }
}
