package dev.photosearch.index.solr;

import static dev.photosearch.index.solr.Fixtures.photo;
import static dev.photosearch.index.solr.Fixtures.vector;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.solr.common.cloud.DocCollection;
import org.apache.solr.common.cloud.Slice;
import org.apache.solr.embedded.JettySolrRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Searches go on while a node goes down, on a real SolrCloud started by this test: three Solr nodes and ZooKeeper,
 * a collection of 2 shards × 2 replicas, and a client given every node's URL.
 */
class SolrFailoverTest {

    private static final String COLLECTION = "failover";
    private static final TextModel MODEL = TextModel.BGE_SMALL;
    private static final String[] WORDS = {"boat", "lake", "cat", "sofa", "mountain", "snow", "beach", "dog"};

    @TempDir
    static Path dir;
    private static SolrTestCluster solr;

    @BeforeAll
    static void startCluster() throws Exception {
        solr = SolrTestCluster.start(dir);
        solr.setUp(COLLECTION);
        try (SolrStore store = SolrStore.connect(solr.urls(), COLLECTION); StoreWriter writer = store.writer()) {
            for (int i = 0; i < 200; i++) {
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
                        if (!actual.equals(expected)) {
                            failures.add("rankings changed: " + actual);
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

    /** One round: a words search and a vector search of each word, by name. */
    private static Map<String, List<Ranked>> searches(StoreReader reader) throws IOException {
        Map<String, List<Ranked>> rankings = new HashMap<>();
        try (StoreView view = reader.view()) {
            for (int i = 0; i < WORDS.length; i++) {
                rankings.put("words " + WORDS[i], view.matching(new TextWords(WORDS[i], WORDS[i]),
                        PhotoFilter.NONE, 20));
                rankings.put("vector " + i, view.nearest(VectorKind.TEXT, MODEL.id(), vector(1000 + i, 384),
                        PhotoFilter.NONE, 20));
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
