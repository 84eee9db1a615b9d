package dev.photosearch.index.solr;

import static dev.photosearch.index.solr.Fixtures.photo;
import static dev.photosearch.index.solr.Fixtures.vector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.photosearch.embed.TextModel;
import dev.photosearch.index.Fields;
import dev.photosearch.index.StoreWriter;
import dev.photosearch.source.Photo;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.cloud.DocCollection;
import org.apache.solr.common.cloud.Replica;
import org.apache.solr.common.cloud.Slice;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.embedded.JettySolrRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Solr node killed with {@code kill -9} in the middle of indexing loses no acknowledged photo. This is a real
 * SolrCloud and a real process really killed: ZooKeeper and two Solr nodes run in this JVM, a third node in a JVM of
 * its own, which leads both shards of a 2 × 2 collection and is killed with {@link Process#destroyForcibly()}
 * (SIGKILL) while a {@link SolrStore} writer indexes, then started again on the same folder and port.
 *
 * <p>What the writer promises ({@link SolrWriter}): upserts are sent in batches and made visible within a second,
 * and {@code commit} is a hard commit that makes durable every photo upserted before it. So a photo is
 * acknowledged once its upsert and a later commit returned without error; those must all be found, each once, on
 * every replica, the restarted node's included.
 */
class SolrKillTest {

    private static final String COLLECTION = "durable";
    private static final String SOURCE = "folder:/kill";
    private static final TextModel MODEL = TextModel.BGE_SMALL;
    /** Photos per commit, fewer than the writer's batch, so that every commit sends what it makes durable. */
    private static final int PER_COMMIT = 20;
    private static final long WAIT_SECONDS = 180;

    @TempDir
    Path dir;

    @Test
    void killingTheNodeThatLeadsEveryShardMidIndexingLosesNoAcknowledgedPhoto() throws Exception {
        MiniSolrCloudCluster cluster = new MiniSolrCloudCluster.Builder(0, dir.resolve("cluster"))
                .withTraceIdGenerationDisabled()
                .configure();
        // A short ZooKeeper session, so that the cluster sees the killed node gone in seconds rather than 30 s.
        try (SolrNodeProcess killed = SolrNodeProcess.start(dir.resolve("node"),
                cluster.getZkServer().getZkAddress(), List.of("-Dsolr.zkclienttimeout=8000", "-Xmx512m"))) {
            List<String> urls = createWithEveryLeaderOn(cluster, killed);
            Indexing indexing = new Indexing(urls);
            Thread writer = new Thread(indexing::run, "indexing");
            writer.setDaemon(true);
            writer.start();
            await(indexing, "200 photos acknowledged", () -> indexing.acknowledged.size() >= 200);

            int atKill = indexing.acknowledged.size();
            long kill = System.nanoTime();
            killed.kill();
            System.out.printf("killed the node of both leaders (kill -9) after %d acknowledged photos, in %d ms%n",
                    atKill, millisSince(kill));
            await(indexing, "100 more photos acknowledged with the node down",
                    () -> indexing.acknowledged.size() >= atKill + 100);
            long restart = System.nanoTime();
            killed.start();
            System.out.printf("%d ms down; started again in %d ms%n", (restart - kill) / 1_000_000,
                    millisSince(restart));
            cluster.waitForActiveCollection(COLLECTION, WAIT_SECONDS, TimeUnit.SECONDS, 2, 4);
            System.out.printf("every replica active %d ms after the restart%n", millisSince(restart));
            int atRestart = indexing.acknowledged.size();
            await(indexing, "100 more photos acknowledged after the restart",
                    () -> indexing.acknowledged.size() >= atRestart + 100);
            indexing.stop.set(true);
            writer.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
            assertNull(indexing.failure, "the writer failed");
            System.out.printf("%d photos acknowledged, %d upserted, %d upserts or commits failed%n",
                    indexing.acknowledged.size(), indexing.upserted.get(), indexing.failures.get());

            cluster.waitForActiveCollection(COLLECTION, WAIT_SECONDS, TimeUnit.SECONDS, 2, 4);
            assertEveryReplicaHoldsEachAcknowledgedPhotoOnce(cluster, indexing);
        } finally {
            cluster.shutdown();
        }
    }

    /**
     * Creates the collection while the separate node is the only one, so it holds and leads both shards, then
     * gives each shard a second replica on a node of this JVM. Returns every node's URL.
     */
    private static List<String> createWithEveryLeaderOn(MiniSolrCloudCluster cluster, SolrNodeProcess node)
            throws Exception {
        cluster.getZkStateReader().waitForLiveNodes(WAIT_SECONDS, TimeUnit.SECONDS,
                (before, live) -> live.contains(node.nodeName()));
        SolrSetup.run(List.of(node.url()), COLLECTION, 2, 1);
        List<String> urls = new ArrayList<>(List.of(node.url().toString()));
        List<String> shards = List.of("shard1", "shard2");
        for (String shard : shards) {
            JettySolrRunner other = cluster.startJettySolrRunner();
            cluster.waitForNode(other, (int) WAIT_SECONDS);
            CollectionAdminRequest.addReplicaToShard(COLLECTION, shard).setNode(other.getNodeName())
                    .process(cluster.getSolrClient());
            urls.add(other.getBaseUrl().toString());
        }
        cluster.waitForActiveCollection(COLLECTION, WAIT_SECONDS, TimeUnit.SECONDS, 2, 4);
        for (Slice slice : collection(cluster).getSlices()) {
            assertEquals(node.nodeName(), slice.getLeader().getNodeName(), slice.getName() + "'s leader");
        }
        return urls;
    }

    /**
     * Upserts photos and commits every {@link #PER_COMMIT} through the store until stopped, then commits until that
     * succeeds; a failed upsert or commit is counted and indexing goes on, as the writer keeps what it could not send.
     */
    private static final class Indexing {

        final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        final AtomicInteger upserted = new AtomicInteger();
        final AtomicInteger failures = new AtomicInteger();
        final AtomicBoolean stop = new AtomicBoolean();
        /** What stopped the writer, other than a failed request. */
        volatile Throwable failure;
        private final List<String> urls;
        private final List<String> sinceCommit = new ArrayList<>();

        Indexing(List<String> urls) {
            this.urls = urls;
        }

        void run() {
            try (SolrStore store = SolrStore.connect(urls.stream().map(URI::create).toList(), COLLECTION);
                    StoreWriter writer = store.writer()) {
                // As the indexer does: read the source's photos first, so new ones are sent as "must not exist".
                writer.states(SOURCE);
                boolean committed = false;
                while (!(stop.get() && committed)) {
                    committed = round(writer, !stop.get());
                }
            } catch (Exception | Error e) {
                failure = e;
            }
        }

        /** Upserts a batch (unless stopping) and commits; false when a request failed. */
        private boolean round(StoreWriter writer, boolean upsert) throws InterruptedException {
            try {
                for (int i = 0; upsert && i < PER_COMMIT; i++) {
                    int n = upserted.getAndIncrement();
                    writer.upsert(photo(SOURCE, "p" + n + ".jpg", "photo number " + n, null, null),
                            vector(n, 384), MODEL, null);
                    sinceCommit.add(Photo.idFor(SOURCE, "p" + n + ".jpg"));
                }
                writer.commit(MODEL);
                acknowledged.addAll(sinceCommit);
                sinceCommit.clear();
                return true;
            } catch (IOException | SolrException e) {
                if (failures.getAndIncrement() == 0) {
                    System.out.println("first failure: " + SolrNodes.firstLine(e));
                }
                Thread.sleep(200);
                return false;
            }
        }
    }

    private static void assertEveryReplicaHoldsEachAcknowledgedPhotoOnce(MiniSolrCloudCluster cluster,
            Indexing indexing) throws Exception {
        Map<String, String> shardOf = new TreeMap<>();
        int held = 0;
        for (Slice slice : collection(cluster).getSlices()) {
            Set<String> first = null;
            for (Replica replica : slice.getReplicas()) {
                List<String> ids = idsOn(replica);
                Set<String> distinct = new HashSet<>(ids);
                assertEquals(ids.size(), distinct.size(), replica.getCoreName() + " holds a photo twice");
                if (first == null) {
                    first = distinct;
                } else {
                    assertEquals(first, distinct, "the replicas of " + slice.getName() + " differ");
                }
            }
            for (String id : first) {
                String other = shardOf.put(id, slice.getName());
                assertNull(other, id + " is in two shards");
            }
            held += first.size();
            System.out.printf("%s: %d photos on each of %d replicas%n", slice.getName(), first.size(),
                    slice.getReplicas().size());
        }
        Set<String> missing = new HashSet<>(indexing.acknowledged);
        missing.removeAll(shardOf.keySet());
        assertEquals(Set.of(), missing, "acknowledged photos lost");
        assertTrue(held <= indexing.upserted.get(), held + " photos held, only " + indexing.upserted + " upserted");
    }

    /** The ids of the source's photos in one replica's core alone, not the collection's. */
    private static List<String> idsOn(Replica replica) throws Exception {
        ModifiableSolrParams params = new ModifiableSolrParams();
        params.set("q", "*:*");
        params.set("fq", SolrFilter.term(Fields.SOURCE, SOURCE));
        params.set("distrib", false);
        params.set("fl", Fields.ID);
        params.set("rows", 100_000);
        try (HttpJdkSolrClient client = new HttpJdkSolrClient.Builder(replica.getBaseUrl()).build()) {
            List<String> ids = new ArrayList<>();
            for (SolrDocument doc : new QueryRequest(params).process(client, replica.getCoreName()).getResults()) {
                ids.add((String) doc.getFirstValue(Fields.ID));
            }
            return ids;
        }
    }

    private static DocCollection collection(MiniSolrCloudCluster cluster) {
        return cluster.getZkStateReader().getClusterState().getCollection(COLLECTION);
    }

    private static void await(Indexing indexing, String what, BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!condition.getAsBoolean()) {
            if (indexing.failure != null) {
                throw new AssertionError("the writer failed", indexing.failure);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT_SECONDS + " s: " + what);
            }
            Thread.sleep(50);
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
