package dev.photosearch.index.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.common.SolrInputDocument;
import org.junit.jupiter.api.Test;

/** When no node of the cluster answers, the store says so in one line that names every URL. */
class SolrNodesTest {

    @Test
    void everyNodeUnreachableGivesOneLine() throws IOException {
        URI first = closedPort();
        URI second = closedPort();
        try (SolrStore store = SolrStore.connect(List.of(first, second), "photosearch")) {
            IOException e = assertThrows(IOException.class, store::reader);
            assertEquals("no Solr node answers at " + first + ", " + second + ": is the cluster running?",
                    e.getMessage());
        }
    }

    @Test
    void aNodeUrlMustBeHttp() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SolrStore.connect(List.of(URI.create("localhost:8983/solr")), "photosearch"));
        assertEquals("a Solr node URL must start with http:// or https://, as http://127.0.0.1:8983/solr does: "
                + "localhost:8983/solr", e.getMessage());
    }

    @Test
    void anUpdateNoNodeTakesLeavesNoThreadBehind() throws IOException {
        SolrNodes nodes = SolrNodes.of(List.of(closedPort()));
        UpdateRequest update = new UpdateRequest();
        update.add(new SolrInputDocument("id", "p", "caption", "a long caption ".repeat(10_000)));
        assertThrows(IOException.class, () -> nodes.update(update, "photosearch"));
        // SolrJ writes an update's body from a thread of its own, which must not stay blocked on a body no one reads.
        assertTimeoutPreemptively(Duration.ofSeconds(30), nodes::close);
    }

    /** The URL of a port nothing listens on: one just opened and closed again. */
    private static URI closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/solr");
        }
    }
}
