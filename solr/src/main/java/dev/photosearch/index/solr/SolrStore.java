package dev.photosearch.index.solr;

import dev.photosearch.index.PhotoStore;
import dev.photosearch.index.StoreReader;
import dev.photosearch.index.StoreWriter;
import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * Photos in a SolrCloud collection, shared by a team: several writers at once, searches served while a node is
 * down. Made by {@link SolrSetup}; reached through the base URL of one or more of its nodes.
 */
public final class SolrStore implements PhotoStore {

    private final SolrNodes nodes;
    private final String collection;

    private SolrStore(SolrNodes nodes, String collection) {
        this.nodes = nodes;
        this.collection = collection;
    }

    /**
     * The collection {@code collection} of the cluster whose nodes answer at {@code nodeUrls} (such as
     * {@code http://127.0.0.1:8983/solr}); nothing is sent until a side is opened.
     */
    public static SolrStore connect(List<URI> nodeUrls, String collection) {
        for (URI url : nodeUrls) {
            if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
                throw new IllegalArgumentException("a Solr node URL must start with http:// or https://, as "
                        + "http://127.0.0.1:8983/solr does: " + url);
            }
        }
        return new SolrStore(SolrNodes.of(nodeUrls), collection);
    }

    /** Fails with one line saying what to run when the collection is missing or of another version. */
    @Override
    public StoreWriter writer() throws IOException {
        check();
        return new SolrWriter(nodes, collection);
    }

    /** Fails with one line saying what to run when the collection is missing or of another version. */
    @Override
    public StoreReader reader() throws IOException {
        check();
        return new SolrReader(nodes, collection);
    }

    @Override
    public String describe() {
        return "the Solr collection '" + collection + "' at " + nodes.urls();
    }

    private void check() throws IOException {
        SolrMeta.checkCollection(nodes, collection);
        SolrMeta.checkFormat(nodes, collection);
    }

    @Override
    public void close() throws IOException {
        nodes.close();
    }
}
