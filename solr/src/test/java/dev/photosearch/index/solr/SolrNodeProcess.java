package dev.photosearch.index.solr;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A Solr node in a JVM of its own ({@link LocalSolrCloud} joining a cluster's ZooKeeper), started from this JVM's
 * class path, so that it can really be killed ({@code kill -9}) and started again on the same folder and port.
 */
final class SolrNodeProcess implements AutoCloseable {

    private static final long START_SECONDS = 120;

    private final Path home;
    private final String zkHost;
    private final int port;
    private final List<String> jvmOptions;
    private Process process;
    private int starts;

    private SolrNodeProcess(Path home, String zkHost, int port, List<String> jvmOptions) {
        this.home = home;
        this.zkHost = zkHost;
        this.port = port;
        this.jvmOptions = jvmOptions;
    }

    /** Starts a node with its cores in {@code home} on a free port, and waits until it serves. */
    static SolrNodeProcess start(Path home, String zkHost, List<String> jvmOptions) throws IOException,
            InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        SolrNodeProcess node = new SolrNodeProcess(home, zkHost, port, List.copyOf(jvmOptions));
        node.start();
        return node;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + port + "/solr");
    }

    /** The node's name in the cluster state. */
    String nodeName() {
        return "127.0.0.1:" + port + "_solr";
    }

    /** SIGKILL where the platform has it: the JVM gets no chance to flush, close or say goodbye to ZooKeeper. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Starts the node (again), on the same folder and port, and waits until it serves. */
    void start() throws IOException, InterruptedException {
        starts++;
        Files.createDirectories(home);
        Path log = home.resolveSibling(home.getFileName() + "-" + starts + ".log");
        Path args = home.resolveSibling(home.getFileName() + ".args");
        // The class path goes through an argument file: it is longer than some systems allow a command line.
        StringBuilder file = new StringBuilder("-cp\n").append(quoted(System.getProperty("java.class.path")));
        jvmOptions.forEach(option -> file.append('\n').append(quoted(option)));
        file.append('\n').append(LocalSolrCloud.class.getName()).append('\n').append(quoted(home.toString()))
                .append("\n--join\n").append(quoted(zkHost)).append("\n--port\n").append(port).append('\n');
        Files.writeString(args, file, StandardCharsets.UTF_8);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(java, "@" + args)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        awaitLine(log, "solr ");
    }

    private void awaitLine(Path log, String prefix) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
        while (System.nanoTime() < deadline) {
            Optional<String> line;
            try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
                line = lines.filter(l -> l.startsWith(prefix)).findFirst();
            }
            if (line.isPresent()) {
                return;
            }
            if (!process.isAlive()) {
                throw new IOException("the Solr node's JVM ended (" + process.exitValue() + "): "
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new IOException("the Solr node did not start in " + START_SECONDS + " s: " + log);
    }

    /** One argument of a java argument file: quoted, with backslashes and quotes escaped. */
    private static String quoted(String argument) {
        return '"' + argument.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
