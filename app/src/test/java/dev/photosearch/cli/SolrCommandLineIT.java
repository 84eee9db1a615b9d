package dev.photosearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged command line against a real SolrCloud: the solr module's {@code LocalSolrCloud} (three Solr nodes
 * and ZooKeeper) runs in a JVM of its own, since Solr's Jetty 10 cannot share one with the application's Jetty 12,
 * and each command is the jar run as a process, as a user runs it. Searches, similar photos, near duplicates and
 * evaluation must answer as the embedded store does on the same photos. Failsafe runs it in the verify phase, once
 * the jar is built.
 */
class SolrCommandLineIT {

    private static final String COLLECTION = "it";
    private static final String BOAT = "media/posts/202307/example_2.jpg";
    private static final long COMMAND_SECONDS = 180;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static Path jar;
    private static Path home;
    private static Process cloud;
    private static String solr;

    @BeforeAll
    static void startSolrAndIndex() throws Exception {
        jar = Path.of(System.getProperty("photosearch.jar", "target/photosearch.jar")).toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), jar + " is built by the package phase");
        Path solrTarget = Path.of(System.getProperty("photosearch.solr.target", "../solr/target"));
        Path classpath = solrTarget.resolve("test-classpath.txt");
        assumeTrue(Files.isRegularFile(classpath), "the solr module's build writes " + classpath
                + ", which starts a SolrCloud: build from the root (mvn verify)");
        long start = System.nanoTime();
        cloud = startCloud(solrTarget, classpath);
        System.out.printf("LocalSolrCloud of 3 nodes up in %d ms: %s%n", millisSince(start), solr);

        home = dir.resolve("home");
        Path examples = Path.of("..", "examples", "instagram-export").toAbsolutePath().normalize();
        Path copies = copiesOfTheBoat();
        long setup = System.nanoTime();
        Result created = solr("setup", "--shards", "2", "--replicas", "2");
        assertEquals("created the Solr collection 'it' (configset photosearch-v1)", created.out().strip(),
                created.err());
        System.out.printf("setup in %d ms%n", millisSince(setup));
        // The embedded store indexes the same sources in the same home, so thumbnails and paths are alike.
        embedded("index", examples.toString(), copies.toString()).requireSuccess();
        long index = System.nanoTime();
        Result indexed = solr("index", examples.toString(), copies.toString());
        assertTrue(indexed.out().contains("13 new"), indexed.out() + indexed.err());
        System.out.printf("index into Solr in %d ms%n", millisSince(index));
    }

    @AfterAll
    static void stopSolr() throws InterruptedException {
        if (cloud != null) {
            stop(cloud);
        }
    }

    @Test
    void setupAgainChangesNothing() throws Exception {
        Result again = solr("setup", "--shards", "2", "--replicas", "2");
        assertEquals("ready: the Solr collection 'it' (configset photosearch-v1)", again.out().strip(), again.err());
    }

    @Test
    void searchFindsTheBoatFirstAsTheEmbeddedStoreDoes() throws Exception {
        JsonNode found = sameAsEmbedded("search", "--json", "a boat on a lake");
        assertEquals(BOAT, found.path("results").path(0).path("path").asText());
    }

    @Test
    void sourcesCountWhatWasIndexed() throws Exception {
        Result listed = solr("sources", "--json");
        listed.requireSuccess();
        JsonNode sources = JSON.readTree(listed.out());
        List<Integer> photos = new ArrayList<>();
        sources.forEach(source -> photos.add(source.path("photos").asInt()));
        assertEquals(List.of(13, 2), photos.stream().sorted(Comparator.reverseOrder()).toList(), sources.toString());
    }

    @Test
    void similarAndNearDuplicatesFindTheBoatsCopies() throws Exception {
        JsonNode similar = sameAsEmbedded("similar", "--json", "--limit", "3", BOAT);
        assertTrue(similar.toString().contains("boat-small.jpg"), similar.toString());
        JsonNode groups = sameAsEmbedded("near-duplicates", "--json");
        assertTrue(groups.toString().contains("boat-small.jpg") && groups.toString().contains(BOAT),
                groups.toString());
    }

    @Test
    void evalGivesTheEmbeddedStoresFigures() throws Exception {
        Path judged = dir.resolve("judged.jsonl");
        Files.writeString(judged, String.join("\n",
                "{\"query\": \"a boat on a lake\", \"relevant\": [\"" + BOAT + "\"]}",
                "{\"query\": \"kitten sleeping on a sofa\", \"relevant\": [\"media/posts/202301/example_3.jpg\"]}",
                "{\"query\": \"birthday cake\", \"relevant\": [\"media/posts/202303/example_8.jpg\"]}",
                "{\"query\": \"a dog with a ball\", \"relevant\": [\"media/posts/202305/example_11.jpg\"]}"));
        JsonNode figures = sameAsEmbedded("eval", "--json", judged.toString());
        assertEquals(4, figures.path("queries").asInt(), figures.toString());
        assertEquals(1.0, figures.path("recall@10").asDouble(), figures.toString());
    }

    @Test
    void serveAnswersSearchesFromSolr() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process serve = command(solrOptions(List.of("serve", "--port", String.valueOf(port))))
                .redirectOutput(dir.resolve("serve.log").toFile())
                .redirectErrorStream(true)
                .start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            URI search = URI.create("http://127.0.0.1:" + port + "/api/search?q=a+boat+on+a+lake&limit=3");
            HttpResponse<String> response = awaitAnswer(http, search, serve);
            assertEquals(200, response.statusCode(), response.body());
            JsonNode results = JSON.readTree(response.body()).path("results");
            assertEquals(BOAT, results.path(0).path("path").asText(), response.body());
            assertEquals(3, results.size());
        } finally {
            stop(serve);
        }
    }

    /** Runs the command on Solr and on the embedded store; their JSON must match but for the time taken. */
    private static JsonNode sameAsEmbedded(String... args) throws Exception {
        Result onSolr = solr(args);
        onSolr.requireSuccess();
        Result embedded = embedded(args);
        embedded.requireSuccess();
        JsonNode solrJson = withoutTimes(JSON.readTree(onSolr.out()));
        assertEquals(withoutTimes(JSON.readTree(embedded.out())), solrJson, String.join(" ", args));
        return solrJson;
    }

    private static JsonNode withoutTimes(JsonNode json) {
        if (json instanceof ObjectNode object) {
            object.remove("took_ms");
        }
        return json;
    }

    /** A folder of two copies of the boat: the same file, and the picture at half size. */
    private static Path copiesOfTheBoat() throws IOException {
        Path copies = Files.createDirectories(dir.resolve("copies"));
        Path boat = Path.of("..", "examples", "instagram-export").resolve(BOAT);
        Files.copy(boat, copies.resolve("boat.jpg"));
        BufferedImage picture = ImageIO.read(boat.toFile());
        BufferedImage small = new BufferedImage(picture.getWidth() / 2, picture.getHeight() / 2,
                BufferedImage.TYPE_INT_RGB);
        var graphics = small.createGraphics();
        graphics.drawImage(picture, 0, 0, small.getWidth(), small.getHeight(), null);
        graphics.dispose();
        ImageIO.write(small, "jpg", copies.resolve("boat-small.jpg").toFile());
        return copies;
    }

    /** Starts LocalSolrCloud from the solr module's test class path, and waits for its node URLs. */
    private static Process startCloud(Path solrTarget, Path classpath) throws IOException, InterruptedException {
        String path = String.join(java.io.File.pathSeparator, solrTarget.resolve("test-classes").toString(),
                solrTarget.resolve("classes").toString(), Files.readString(classpath).strip());
        // The class path goes through an argument file: it is longer than some systems allow a command line.
        Path args = dir.resolve("cloud.args");
        Files.writeString(args, String.join("\n", "-cp", quoted(path), "dev.photosearch.index.solr.LocalSolrCloud",
                quoted(dir.resolve("cloud").toString()), "--nodes", "3"));
        Path log = dir.resolve("cloud.log");
        Process process = new ProcessBuilder(java(), "@" + args)
                .redirectOutput(log.toFile())
                .redirectError(dir.resolve("cloud.err").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(COMMAND_SECONDS);
        while (System.nanoTime() < deadline && process.isAlive()) {
            Optional<String> line = Files.readAllLines(log).stream().filter(l -> l.startsWith("solr ")).findFirst();
            if (line.isPresent()) {
                solr = line.get().substring("solr ".length());
                return process;
            }
            Thread.sleep(200);
        }
        process.destroyForcibly();
        throw new IOException("LocalSolrCloud did not start: " + Files.readString(dir.resolve("cloud.err")));
    }

    private static HttpResponse<String> awaitAnswer(HttpClient http, URI uri, Process server) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(COMMAND_SECONDS);
        while (true) {
            try {
                return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException notYet) {
                if (!server.isAlive() || System.nanoTime() > deadline) {
                    throw new IOException("serve did not answer: " + Files.readString(dir.resolve("serve.log")),
                            notYet);
                }
                Thread.sleep(200);
            }
        }
    }

    /** What a command printed, and how it ended. */
    private record Result(int exit, String out, String err) {

        void requireSuccess() {
            assertEquals(0, exit, out + err);
        }
    }

    private static Result solr(String... args) throws IOException, InterruptedException {
        return run(solrOptions(List.of(args)));
    }

    private static Result embedded(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("--home", home.toString()));
        command.addAll(List.of(args));
        return run(command);
    }

    private static List<String> solrOptions(List<String> args) {
        List<String> command = new ArrayList<>(List.of("--home", home.toString(), "--solr", solr, "--collection",
                COLLECTION));
        command.addAll(args);
        return command;
    }

    private static Result run(List<String> args) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process process = command(args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("photosearch " + String.join(" ", args) + " did not end in " + COMMAND_SECONDS
                    + " s: " + Files.readString(err));
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** The jar run with these arguments, whatever PhotoSearch settings this JVM's environment holds. */
    private static ProcessBuilder command(List<String> args) {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", jar.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("PHOTOSEARCH_"));
        return builder;
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** One argument of a java argument file: quoted, with backslashes and quotes escaped. */
    private static String quoted(String argument) {
        return '"' + argument.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
