package dev.photosearch.index.solr;

import static dev.photosearch.index.solr.Fixtures.photo;
import static dev.photosearch.index.solr.Fixtures.vector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.photosearch.embed.TextModel;
import dev.photosearch.index.PhotoFilter;
import dev.photosearch.index.Ranked;
import dev.photosearch.index.StoreReader;
import dev.photosearch.index.StoreView;
import dev.photosearch.index.StoreWriter;
import dev.photosearch.index.TextWords;
import dev.photosearch.index.VectorKind;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.solr.common.cloud.DocCollection;
import org.apache.solr.common.cloud.Replica;
import org.apache.solr.common.cloud.Slice;
import org.apache.solr.embedded.JettySolrRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Searches go on while a node goes down, and say in one line when the cluster cannot serve them, on a real SolrCloud started by this test: three Solr nodes and ZooKeeper,
 * a collection of 2 shards × 2 replicas, and a client given every node's URL.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SolrFailoverTest {

    private static final String COLLECTION = "failover";
    private static final TextModel MODEL = TextModel.BGE_SMALL;
    /**
     * Few enough that each shard holds fewer photos than a search's depth, so that vector search is exact: two
     * replicas of a shard build their own HNSW graphs, and an approximate search of each may find other neighbours.
     */
    private static final int PHOTOS = 150;
    /** As deep as a search's first page asks (search.PhotoSearcher.CANDIDATES). */
    private static final int DEPTH = 100;
    private static final String[] WORDS = {"boat", "lake", "cat", "sofa", "mountain", "snow", "beach", "dog"};

    @TempDir
    static Path dir;
    private static SolrTestCluster solr;

    @BeforeAll
    static void startCluster() throws Exception {
        solr = SolrTestCluster.start(dir);
        solr.setUp(COLLECTION);
        try (SolrStore store = SolrStore.connect(solr.urls(), COLLECTION); StoreWriter writer = store.writer()) {
            for (int i = 0; i < PHOTOS; i++) {
                String caption = "a " + WORDS[i % WORDS.length] + " and a " + WORDS[(i * 3 + 1) % WORDS.length]
                        + " number " + i;
                writer.upsert(photo("s" + i % 3, "p" + i + ".jpg", caption, null, null), vector(i, 384), MODEL, null);
            }
            writer.commit(MODEL);
        }
    }

    @AfterAll
    static void stopCluster() throws Exception {
        solr.close();
    }

    @Test
    @Order(1)
    void stoppingTheNodeOfTheShardLeadersDuringSearchesFailsNoneAndChangesNoRanking() throws Exception {
        try (SolrStore store = SolrStore.connect(solr.urls(), COLLECTION); StoreReader reader = store.reader()) {
            Map<String, List<Ranked>> expected = searches(reader);
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger rounds = new AtomicInteger();
            List<String> failures = new ArrayList<>();
            Thread loop = new Thread(() -> {
                while (!stop.get()) {
                    try {
                        Map<String, List<Ranked>> actual = searches(reader);
                        for (String search : expected.keySet()) {
                            if (!actual.get(search).equals(expected.get(search))) {
                                failures.add(search + " gave " + actual.get(search) + " instead of "
                                        + expected.get(search));
                            }
                        }
                        rounds.incrementAndGet();
                    } catch (IOException | RuntimeException e) {
                        failures.add(e.toString());
                    }
                }
            });
            loop.start();
            long started = System.nanoTime();
            while (rounds.get() < 20) {
                Thread.sleep(20);
            }
            JettySolrRunner leaders = nodeWithMostLeaders();
            String name = leaders.getNodeName();
            long stopping = System.nanoTime();
            solr.cluster.stopJettySolrRunner(leaders);
            System.out.printf("20 rounds in %d ms; stopped %s in %d ms%n", (stopping - started) / 1_000_000, name,
                    (System.nanoTime() - stopping) / 1_000_000);
            int before = rounds.get();
            while (rounds.get() < before + 100) {
                Thread.sleep(20);
            }
            System.out.printf("100 rounds after the stop in %d ms%n", (System.nanoTime() - stopping) / 1_000_000);
            stop.set(true);
            loop.join();
            System.out.println(rounds.get() + " rounds of " + expected.size() + " searches, " + failures.size()
                    + " failed");
            assertEquals(List.of(), failures);
            assertTrue(rounds.get() >= 120);
        }
    }

    @Test
    @Order(2)
    void aShardWithNoReplicaLeftAndThenNoNodeLeftEachGiveOneLine() throws Exception {
        // The node of the first test is down: stop the other node of a shard that had a replica there.
        DocCollection collection = solr.cluster.getZkStateReader().getClusterState().getCollection(COLLECTION);
        Set<String> running = new HashSet<>();
        solr.cluster.getJettySolrRunners().stream().filter(JettySolrRunner::isRunning)
                .forEach(j -> running.add(j.getNodeName()));
        Slice orphan = collection.getSlices().stream()
                .filter(slice -> slice.getReplicas().stream().anyMatch(r -> !running.contains(r.getNodeName())))
                .findFirst().orElseThrow();
        List<URI> urls = solr.urls();
        for (Replica replica : orphan.getReplicas()) {
            stop(replica.getNodeName());
        }
        try (SolrStore store = SolrStore.connect(urls, COLLECTION)) {
            IOException shardDown = assertThrows(IOException.class, () -> searches(store.reader()));
            assertTrue(shardDown.getMessage().contains("cannot serve this now"), shardDown.getMessage());
            assertEquals(1, shardDown.getMessage().lines().count(), shardDown.getMessage());
            for (JettySolrRunner node : List.copyOf(solr.cluster.getJettySolrRunners())) {
                stop(node.getNodeName());
            }
            IOException clusterDown = assertThrows(IOException.class, () -> searches(store.reader()));
            assertEquals("no Solr node answers at " + String.join(", ", urls.stream().map(URI::toString).toList())
                    + ": is the cluster running?", clusterDown.getMessage());
        }
    }

    private static void stop(String nodeName) throws Exception {
        for (JettySolrRunner node : solr.cluster.getJettySolrRunners()) {
            if (node.isRunning() && nodeName.equals(node.getNodeName())) {
                solr.cluster.stopJettySolrRunner(node);
            }
        }
    }

    /** One round: a words search and a vector search of each word, by name. */
    private static Map<String, List<Ranked>> searches(StoreReader reader) throws IOException {
        Map<String, List<Ranked>> rankings = new HashMap<>();
        try (StoreView view = reader.view()) {
            for (int i = 0; i < WORDS.length; i++) {
                rankings.put("words " + WORDS[i], view.matching(new TextWords(WORDS[i], WORDS[i]),
                        PhotoFilter.NONE, DEPTH));
                rankings.put("vector " + i, view.nearest(VectorKind.TEXT, MODEL.id(), vector(1000 + i, 384),
                        PhotoFilter.NONE, DEPTH));
            }
        }
        return rankings;
    }

    private static JettySolrRunner nodeWithMostLeaders() {
        DocCollection collection = solr.cluster.getZkStateReader().getClusterState().getCollection(COLLECTION);
        Map<String, Integer> leaders = new HashMap<>();
        for (Slice slice : collection.getSlices()) {
            leaders.merge(slice.getLeader().getNodeName(), 1, Integer::sum);
        }
        String node = leaders.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        return solr.cluster.getJettySolrRunners().stream().filter(j -> node.equals(j.getNodeName())).findFirst()
                .orElseThrow();
    }
}
