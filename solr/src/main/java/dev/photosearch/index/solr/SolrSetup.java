package dev.photosearch.index.solr;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.common.util.ContentStreamBase;

/**
 * Prepares a SolrCloud cluster for PhotoSearch over HTTP alone (no ZooKeeper access): uploads the configset under
 * its versioned name and creates the collection. Running it again changes nothing.
 */
public final class SolrSetup {

    /**
     * What setup did.
     *
     * @param created   whether it created the collection; false when it was already there, set up alike
     * @param collection the collection's name
     * @param configset  the configset it uses
     */
    public record Result(boolean created, String collection, String configset) {}

    private SolrSetup() {}

    /**
     * Uploads the configset when the cluster lacks it, and creates the collection with {@code shards} shards of
     * {@code replicas} replicas each when it does not exist; fails with one line saying what to do when the
     * collection exists with another configset.
     */
    public static Result run(List<URI> nodeUrls, String collection, int shards, int replicas) throws IOException {
        if (shards < 1 || replicas < 1) {
            throw new IllegalArgumentException("--shards and --replicas must be at least 1");
        }
        try (SolrNodes nodes = SolrNodes.of(nodeUrls)) {
            uploadConfigset(nodes);
            if (SolrMeta.configsetOf(nodes, collection).isPresent()) {
                SolrMeta.checkCollection(nodes, collection);
                return new Result(false, collection, SolrConfigset.NAME);
            }
            CollectionAdminRequest.Create create =
                    CollectionAdminRequest.createCollection(collection, SolrConfigset.NAME, shards, replicas);
            create.setWaitForFinalState(true);
            try {
                nodes.send(create, null);
            } catch (SolrRefusedException e) {
                if (String.valueOf(e.getMessage()).contains("already exists")) {
                    // Another setup created it meanwhile: fine when it is alike.
                    SolrMeta.checkCollection(nodes, collection);
                    return new Result(false, collection, SolrConfigset.NAME);
                }
                deleteIfPresent(nodes, collection);
                throw new IOException("Solr could not create the collection '" + collection + "': "
                        + SolrNodes.firstLine(e), e);
            }
            UpdateRequest meta = new UpdateRequest();
            SolrMeta.record(meta, null);
            meta.setAction(UpdateRequest.ACTION.COMMIT, true, true);
            nodes.update(meta, collection);
            return new Result(true, collection, SolrConfigset.NAME);
        }
    }

    /**
     * Deletes the collection and every photo in it, when it exists; the configset stays for other collections. For
     * benchmarks that start afresh.
     *
     * @return whether there was a collection to delete
     */
    public static boolean delete(List<URI> nodeUrls, String collection) throws IOException {
        try (SolrNodes nodes = SolrNodes.of(nodeUrls)) {
            return deleteIfPresent(nodes, collection);
        }
    }

    /** Deletes the collection when it exists; also what a failed creation left, so that setup creates it whole. */
    private static boolean deleteIfPresent(SolrNodes nodes, String collection) throws IOException {
        if (SolrMeta.configsetOf(nodes, collection).isEmpty()) {
            return false;
        }
        nodes.send(CollectionAdminRequest.deleteCollection(collection), null);
        return true;
    }

    private static void uploadConfigset(SolrNodes nodes) throws IOException {
        List<String> present = nodes.send(new ConfigSetAdminRequest.List(), null).getConfigSets();
        if (present.contains(SolrConfigset.NAME)) {
            return;
        }
        ContentStreamBase.ByteArrayStream zip =
                new ContentStreamBase.ByteArrayStream(SolrConfigset.zip(), SolrConfigset.NAME + ".zip",
                        "application/zip");
        try {
            nodes.send(new ConfigSetAdminRequest.Upload().setConfigSetName(SolrConfigset.NAME)
                    .setUploadStream(zip), null);
        } catch (SolrRefusedException e) {
            // Another setup uploaded it meanwhile.
            if (!nodes.send(new ConfigSetAdminRequest.List(), null).getConfigSets().contains(SolrConfigset.NAME)) {
                throw new IOException("Solr refused the configset " + SolrConfigset.NAME + ": "
                        + SolrNodes.firstLine(e), e);
            }
        }
    }
}
