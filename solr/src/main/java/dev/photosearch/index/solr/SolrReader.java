package dev.photosearch.index.solr;

import dev.photosearch.index.StoreReader;
import dev.photosearch.index.StoreView;

/** The read side of a Solr collection: its views read the collection's latest commit, so refresh has nothing to do. */
final class SolrReader implements StoreReader {

    private final SolrNodes nodes;
    private final String collection;

    SolrReader(SolrNodes nodes, String collection) {
        this.nodes = nodes;
        this.collection = collection;
    }

    @Override
    public void refresh() {}

    @Override
    public StoreView view() {
        return new SolrView(nodes, collection);
    }

    /** The nodes' clients belong to the store. */
    @Override
    public void close() {}
}
