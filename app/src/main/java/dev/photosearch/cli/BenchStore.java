package dev.photosearch.cli;

import dev.photosearch.index.PhotoStore;
import dev.photosearch.index.solr.SolrSetup;
import dev.photosearch.index.solr.SolrStore;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a benchmark keeps its synthetic photos: the embedded index of its scratch home, or, when the global
 * {@code --solr} names a cluster, a collection named after the number of photos ({@code bench-100000}). Like a
 * scratch folder, that collection starts empty unless the benchmark reuses its work folder.
 *
 * @param solr   the Solr node URLs; empty for the embedded store
 * @param layout shards and replicas of the collections it creates
 * @param reuse  whether photos an earlier run left are kept (only the missing ones are indexed)
 */
record BenchStore(List<URI> solr, SolrLayout layout, boolean reuse) {

    /** The store {@code main}'s global options choose; {@code work} is the benchmark's {@code --work}, if given. */
    static BenchStore of(Main main, SolrLayout layout, Path work) {
        return new BenchStore(main.solrNodes(), layout, work != null);
    }

    /** Makes the store for {@code photos} photos ready: with Solr, creates its collection, afresh unless reused. */
    void prepare(int photos) throws IOException {
        if (solr.isEmpty()) {
            return;
        }
        if (!reuse) {
            SolrSetup.delete(solr, collection(photos));
        }
        SolrSetup.run(solr, collection(photos), layout.shards, layout.replicas);
    }

    /** The store for {@code photos} photos whose scratch home is {@code home}; closing it closes its connection. */
    PhotoStore open(Path home, int photos) {
        return solr.isEmpty() ? PhotoStore.embedded(home.resolve("index")) : SolrStore.connect(solr, collection(photos));
    }

    /** For the benchmark's heading: which store, and for Solr where and in what layout. */
    String describe() {
        return solr.isEmpty() ? "store: the embedded index of a scratch home"
                : String.format("store: Solr collections bench-N at %s, %d shards × %d replicas", solr, layout.shards,
                        layout.replicas);
    }

    static String collection(int photos) {
        return "bench-" + photos;
    }
}
