package dev.photosearch.index.solr;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * A real SolrCloud started by the test itself: three Solr nodes (Jetty) and an embedded ZooKeeper in one folder,
 * reached over HTTP by their node URLs like any cluster.
 */
final class SolrTestCluster implements AutoCloseable {

    final MiniSolrCloudCluster cluster;

    private SolrTestCluster(MiniSolrCloudCluster cluster) {
        this.cluster = cluster;
    }

    static SolrTestCluster start(Path dir) throws Exception {
        long start = System.nanoTime();
        MiniSolrCloudCluster cluster = new MiniSolrCloudCluster.Builder(3, dir)
                .withTraceIdGenerationDisabled()
                .configure();
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("SolrCloud of 3 nodes and ZooKeeper started in " + millis + " ms");
        return new SolrTestCluster(cluster);
    }

    /** The base URL of every node, {@code http://127.0.0.1:PORT/solr}. */
    List<URI> urls() {
        return cluster.getJettySolrRunners().stream().map(SolrTestCluster::url).toList();
    }

    static URI url(JettySolrRunner node) {
        return URI.create(node.getBaseUrl().toString());
    }

    /** Creates {@code collection} with PhotoSearch's setup, 2 shards of 2 replicas, and waits until it is active. */
    SolrSetup.Result setUp(String collection) throws Exception {
        SolrSetup.Result result = SolrSetup.run(urls(), collection, 2, 2);
        cluster.waitForActiveCollection(collection, 60, TimeUnit.SECONDS, 2, 4);
        return result;
    }

    @Override
    public void close() throws Exception {
        cluster.shutdown();
    }
}
