package dev.photosearch.index.solr;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.BinaryRequestWriter;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.client.solrj.request.ContentStreamUpdateRequest;
import org.apache.solr.client.solrj.request.RequestWriter;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.response.SolrResponseBase;
import org.apache.solr.client.solrj.response.UpdateResponse;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.util.ContentStreamBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nodes of one SolrCloud cluster, each reached by its base URL with java.net.http (no Jetty beside the
 * application's). A request goes to the next node in turn; when a node does not answer, or answers that it cannot
 * serve now (503), the request is sent to another one, and the failed node is left aside for a while before it is
 * tried again. Any node serves the whole collection: it forwards to the shards' replicas. Thread-safe.
 */
final class SolrNodes implements Closeable {

    /** How long a node that failed is left aside before it is tried again. */
    static final long RETRY_AFTER_NANOS = TimeUnit.SECONDS.toNanos(10);

    private static final Logger LOG = LoggerFactory.getLogger(SolrNodes.class);

    private final List<Node> nodes;
    private final AtomicInteger turn = new AtomicInteger();

    private SolrNodes(List<Node> nodes) {
        this.nodes = nodes;
    }

    /** Clients for these node base URLs ({@code http://host:8983/solr}); nothing is sent yet. */
    static SolrNodes of(List<URI> urls) {
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("no Solr node URL given");
        }
        List<Node> nodes = new ArrayList<>();
        for (URI url : urls) {
            String base = url.toString().replaceAll("/+$", "");
            nodes.add(new Node(base, new HttpJdkSolrClient.Builder(base)
                    .useHttp1_1(true)
                    .withConnectionTimeout(5, TimeUnit.SECONDS)
                    .withIdleTimeout(120, TimeUnit.SECONDS)
                    .build()));
        }
        return new SolrNodes(List.copyOf(nodes));
    }

    /**
     * Sends {@code request} (to {@code collection}, or to the node when null) to one node after another until one
     * answers.
     *
     * @throws SolrRefusedException when a node refuses the request itself (a bad request, a conflict): not retried
     * @throws IOException with one line naming every URL when no node answers, or none can serve the request now
     */
    <T extends SolrResponseBase> T send(SolrRequest<T> request, String collection) throws IOException {
        Exception last = null;
        boolean answered = false;
        for (Node node : order()) {
            try {
                T response = request.process(node.client, collection);
                if (node.down) {
                    LOG.info("Solr node {} answers again", node.url);
                    node.down = false;
                }
                return response;
            } catch (SolrException e) {
                if (!unavailable(e)) {
                    throw new SolrRefusedException(firstLine(e), e);
                }
                answered = true;
                last = e;
            } catch (SolrServerException | IOException e) {
                last = e;
            }
            if (!node.down) {
                // Said once when a node fails, not at each later try while it stays down.
                LOG.warn("Solr node {} could not serve a request ({}); trying another", node.url, firstLine(last));
                node.down = true;
            }
            node.upAgainAt = System.nanoTime() + RETRY_AFTER_NANOS;
        }
        if (answered) {
            throw new IOException("the Solr cluster at " + urls() + " cannot serve this now: " + firstLine(last),
                    last);
        }
        throw new IOException("no Solr node answers at " + urls() + ": is the cluster running?", last);
    }

    /**
     * Sends an update, its body written out first. SolrJ 9.10's java.net.http client writes a body into a pipe from
     * a thread of its own; serialising an update there, that thread stays blocked for good when no node reads the
     * body (a node down or starting), and the client can then not be closed (SOLR-17707). Copying bytes already
     * written, it stops when the request fails.
     */
    UpdateResponse update(UpdateRequest update, String collection) throws IOException {
        RequestWriter.ContentWriter writer = new BinaryRequestWriter().getContentWriter(update);
        if (writer == null) {
            // Nothing but parameters, a commit for instance: no body.
            return send(update, collection);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writer.write(body);
        ContentStreamUpdateRequest written = new ContentStreamUpdateRequest(update.getPath());
        written.setParams(update.getParams() == null ? new ModifiableSolrParams()
                : new ModifiableSolrParams(update.getParams()));
        written.addContentStream(new ContentStreamBase.ByteArrayStream(body.toByteArray(), "update",
                writer.getContentType()));
        return send(written, collection);
    }

    /** The node URLs, comma-separated, as a user gave them. */
    String urls() {
        return nodes.stream().map(n -> n.url).collect(Collectors.joining(", "));
    }

    /** Nodes that answered lately first, starting with the next in turn; nodes that failed lately last. */
    private List<Node> order() {
        int start = Math.floorMod(turn.getAndIncrement(), nodes.size());
        long now = System.nanoTime();
        List<Node> up = new ArrayList<>();
        List<Node> down = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get((start + i) % nodes.size());
            (now - node.upAgainAt < 0 ? down : up).add(node);
        }
        up.addAll(down);
        return up;
    }

    /** A node that is stopping, or cannot reach the replicas it needs, answers 503; another node may serve. */
    private static boolean unavailable(SolrException e) {
        return e.code() == SolrException.ErrorCode.SERVICE_UNAVAILABLE.code;
    }

    static String firstLine(Throwable e) {
        return firstLine(e == null || e.getMessage() == null ? String.valueOf(e) : e.getMessage());
    }

    /** The first line of a message, for an error of one line. */
    static String firstLine(String message) {
        return message.strip().lines().findFirst().orElse(message);
    }

    @Override
    public void close() throws IOException {
        IOException failed = null;
        for (Node node : nodes) {
            try {
                node.client.close();
            } catch (IOException e) {
                failed = e;
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    /** One node, whether its last request failed, and from when it is tried first again. */
    private static final class Node {
        final String url;
        final HttpJdkSolrClient client;
        volatile long upAgainAt = System.nanoTime();
        volatile boolean down;

        Node(String url, HttpJdkSolrClient client) {
            this.url = url;
            this.client = client;
        }
    }
}
