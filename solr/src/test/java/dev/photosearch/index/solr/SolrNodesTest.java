package dev.photosearch.index.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
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

    /** The URL of a port nothing listens on: one just opened and closed again. */
    private static URI closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/solr");
        }
    }
}
