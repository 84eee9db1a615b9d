package dev.photosearch.index.solr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * A real SolrCloud on this machine, started from the command line, for trying PhotoSearch against Solr and for
 * benchmarks (docs/solr-local.md). Runs until killed; Ctrl-C or a plain kill stops it cleanly.
 *
 * <pre>
 * LocalSolrCloud DIR [--nodes N] [--port FIRST]   N nodes (3) and an embedded ZooKeeper, in DIR (new or empty)
 * LocalSolrCloud DIR --join ZKHOST --port PORT    one node of the cluster of that ZooKeeper; its cores live in
 *                                                 DIR, so a node started again on DIR and PORT is the same node
 * </pre>
 *
 * It prints {@code zookeeper HOST:PORT/solr} (cluster only), {@code node URL} for each node, then
 * {@code solr URL,URL...}, the value for {@code --solr}, once every node is live.
 */
public final class LocalSolrCloud {

    private LocalSolrCloud() {}

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: LocalSolrCloud DIR [--nodes N] [--port FIRST]");
            System.err.println("       LocalSolrCloud DIR --join ZKHOST --port PORT");
            System.exit(2);
            return;
        }
        // Solr logs thousands of lines while it starts; an operator wants the URLs and the errors.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "error"));
        System.setProperty("solr.log.dir", options.dir().resolve("logs").toString());
        long start = System.nanoTime();
        List<JettySolrRunner> nodes = options.join() == null ? cluster(options) : List.of(node(options));
        System.err.printf("%d Solr node(s) up in %.1f s%n", nodes.size(), (System.nanoTime() - start) / 1e9);
        List<String> urls = nodes.stream().map(n -> n.getBaseUrl().toString()).toList();
        urls.forEach(url -> System.out.println("node " + url));
        System.out.println("solr " + String.join(",", urls));
        System.out.flush();
        new CountDownLatch(1).await();
    }

    /** Starts ZooKeeper and the nodes, and stops them all when the JVM exits. */
    private static List<JettySolrRunner> cluster(Options options) throws Exception {
        requireEmpty(options.dir());
        MiniSolrCloudCluster cluster = new MiniSolrCloudCluster.Builder(0, options.dir())
                .withTraceIdGenerationDisabled()
                .configure();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                cluster.shutdown();
            } catch (Exception e) {
                System.err.println("SolrCloud did not stop cleanly: " + e);
            }
        }));
        System.out.println("zookeeper " + cluster.getZkServer().getZkAddress());
        List<Thread> starts = new ArrayList<>();
        List<Exception> failures = new ArrayList<>();
        for (int i = 0; i < options.nodes(); i++) {
            int port = options.port() == 0 ? 0 : options.port() + i;
            String name = "node" + (i + 1);
            Thread start = new Thread(() -> {
                try {
                    cluster.startJettySolrRunner(name, "/solr", JettyConfig.builder().setPort(port).build());
                } catch (Exception e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            });
            start.start();
            starts.add(start);
        }
        for (Thread start : starts) {
            start.join();
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        cluster.waitForAllNodes(60);
        List<JettySolrRunner> nodes = new ArrayList<>(cluster.getJettySolrRunners());
        nodes.sort((a, b) -> Integer.compare(a.getLocalPort(), b.getLocalPort()));
        return nodes;
    }

    /** Starts one node that reads solr.xml from the cluster's ZooKeeper, and stops it when the JVM exits. */
    private static JettySolrRunner node(Options options) throws Exception {
        Files.createDirectories(options.dir());
        Properties properties = new Properties();
        properties.setProperty("zkHost", options.join());
        JettySolrRunner node = new JettySolrRunner(options.dir().toString(), properties,
                JettyConfig.builder().setContext("/solr").setPort(options.port()).build());
        node.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.stop();
            } catch (Exception e) {
                System.err.println("the Solr node did not stop cleanly: " + e);
            }
        }));
        return node;
    }

    private static void requireEmpty(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (var entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException(dir + " is not empty: a new cluster needs a new folder");
                }
            }
        }
    }

    /** The command line. */
    private record Options(Path dir, int nodes, int port, String join) {

        static Options parse(String[] args) {
            if (args.length == 0 || args[0].startsWith("--")) {
                throw new IllegalArgumentException("the cluster's folder comes first");
            }
            Path dir = Path.of(args[0]);
            int nodes = 3;
            int port = 0;
            String join = null;
            for (int i = 1; i < args.length; i += 2) {
                if (i + 1 == args.length) {
                    throw new IllegalArgumentException(args[i] + " wants a value");
                }
                String value = args[i + 1];
                switch (args[i]) {
                    case "--nodes" -> nodes = number("--nodes", value, 1);
                    case "--port" -> port = number("--port", value, 1);
                    case "--join" -> join = value;
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (join != null && port == 0) {
                throw new IllegalArgumentException("a node that joins needs --port, so that it comes back the same");
            }
            return new Options(dir, nodes, port, join);
        }

        private static int number(String option, String value, int least) {
            try {
                int n = Integer.parseInt(value);
                if (n >= least) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // said below
            }
            throw new IllegalArgumentException(option + " wants a whole number of at least " + least + ": " + value);
        }
    }
}
