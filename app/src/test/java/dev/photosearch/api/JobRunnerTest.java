package dev.photosearch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.photosearch.embed.TextEncoder;
import dev.photosearch.index.PhotoStore;
import dev.photosearch.source.PhotoSource;
import dev.photosearch.source.Sources;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jobs that hang reading their source: cancelled, timed out, and a server that still stops in 5 seconds. */
class JobRunnerTest {

    static final String BLOCKED = "blocked-source";

    @TempDir
    Path dir;

    final CountDownLatch release = new CountDownLatch(1);

    /** A source whose reading blocks like a FIFO's open(2): deaf to interrupts until released. */
    static PhotoSource blockUntil(CountDownLatch release, Path afterwards) throws IOException {
        while (true) {
            try {
                release.await();
                return Sources.open(afterwards);
            } catch (InterruptedException e) {
                // ignored, as a blocked open(2) of a FIFO ignores Thread.interrupt()
            }
        }
    }

    /** A runner, the job it runs first (blocked until {@link #release}) and the one queued behind it. */
    record Queued(JobRunner runner, Job blocked, Job next) {}

    /**
     * Queues a job that blocks until {@link #release} and then reads a folder of one picture, and behind it a job on
     * another such folder.
     */
    Queued blockedThenFolder(Library library, Duration readTimeout) throws Exception {
        Path late = pictures("late");
        Path next = pictures("next");
        JobRunner runner = new JobRunner(library, spec -> spec.equals(BLOCKED) ? blockUntil(release, late)
                : Sources.open(spec), readTimeout);
        return new Queued(runner, runner.submit(BLOCKED), runner.submit(next.toString()));
    }

    Path pictures(String name) throws Exception {
        Path folder = Files.createDirectories(dir.resolve(name));
        try (InputStream in = Files.newInputStream(TestServer.EXAMPLE.resolve("media/posts/202307/example_2.jpg"))) {
            Files.copy(in, folder.resolve("boat.jpg"));
        }
        return folder;
    }

    Library library() throws IOException {
        Path home = dir.resolve("home");
        return Library.open(home, PhotoStore.embedded(home.resolve("index")), home.resolve("thumbnails"), TextEncoder::load);
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "waited a minute for " + what);
            Thread.sleep(20);
        }
    }

    @Test
    void aCancelledJobStuckReadingItsSourceFreesTheQueueAndWritesNothingWhenItWakes() throws Exception {
        try (Library library = library()) {
            Queued jobs = blockedThenFolder(library, JobRunner.READ_TIMEOUT);
            await("the blocked job to run", () -> jobs.blocked().view().state().equals("running"));
            jobs.runner().cancel(jobs.blocked());
            await("the cancellation", jobs.blocked()::finished);
            assertEquals("cancelled", jobs.blocked().view().state(), jobs.blocked().view().toString());
            await("the next job", jobs.next()::finished);
            assertEquals("done", jobs.next().view().state(), jobs.next().view().toString());
            assertEquals(1, jobs.next().view().report().added());

            release.countDown();
            Job after = jobs.runner().submit(jobs.next().source());
            await("a later job", after::finished);
            assertEquals(1, library.searcher().size(), "the abandoned job wrote nothing when it woke");
            assertEquals("cancelled", jobs.blocked().view().state());
            jobs.runner().close();
        }
    }

    @Test
    void aSourceThatGivesNothingWithinTheReadTimeoutFailsAndTheQueueGoesOn() throws Exception {
        try (Library library = library()) {
            Queued jobs = blockedThenFolder(library, Duration.ofSeconds(1));
            await("the next job", jobs.next()::finished);
            assertEquals("failed", jobs.blocked().view().state());
            String message = jobs.blocked().view().message();
            assertTrue(message.contains("gave no photos within 1 s"), message);
            assertEquals("done", jobs.next().view().state(), jobs.next().view().toString());
            release.countDown();
            jobs.runner().close();
        }
    }

    @Test
    void aQueuedJobCancelledNeverRuns() throws Exception {
        try (Library library = library()) {
            Queued jobs = blockedThenFolder(library, JobRunner.READ_TIMEOUT);
            jobs.runner().cancel(jobs.next());
            assertEquals("cancelled", jobs.next().view().state());
            release.countDown();
            await("the first job", jobs.blocked()::finished);
            assertEquals("done", jobs.blocked().view().state());
            jobs.runner().close();
            assertEquals(1, library.searcher().size());
        }
    }

    @Test
    void overHttpAJobOnAFifoIsCancelledAndTheServerStopsWithinFiveSeconds() throws Exception {
        Path fifo = dir.resolve("list.txt");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException e) {
            mkfifo = null;
        }
        assumeTrue(mkfifo != null && mkfifo.waitFor() == 0, "mkfifo is not available: FIFO test skipped");
        Path home = dir.resolve("home");
        Path folder = pictures("photos");
        Path stuck = Files.createDirectories(dir.resolve("stuck"));
        Library library = Library.open(home, PhotoStore.embedded(home.resolve("index")), home.resolve("thumbnails"), TextEncoder::load);
        // Stands for any source whose reading blocks in the kernel: opening a FIFO nobody writes to.
        JobRunner runner = new JobRunner(library, spec -> {
            if (spec.equals(stuck.toString())) {
                try (FileInputStream in = new FileInputStream(fifo.toFile())) {
                    in.read();
                }
            }
            return Sources.open(spec);
        }, JobRunner.READ_TIMEOUT);
        ApiServer server = new ApiServer(library, ServerOptions.local(0), runner);
        try (FifoWriter unblock = new FifoWriter(fifo)) {
            TestServer http = TestServer.over(server);
            String blocked = jobId(http.post("/api/sources", body(stuck), null));
            String next = jobId(http.post("/api/sources", body(folder), null));
            await("the FIFO job to run", () -> state(http, blocked).equals("running"));
            HttpResponse<String> cancel = http.send(HttpRequest.newBuilder(URI.create(http.base() + "/api/jobs/"
                    + blocked)).header("Content-Type", "application/json").DELETE().build());
            assertEquals(202, cancel.statusCode(), cancel.body());
            await("the cancellation", () -> state(http, blocked).equals("cancelled"));
            await("the next job", () -> state(http, next).equals("done"));
            ApiServerTest.assertError(http.send(HttpRequest.newBuilder(URI.create(http.base() + "/api/jobs/"
                    + next)).header("Content-Type", "application/json").DELETE().build()), 409);

            String again = jobId(http.post("/api/sources", body(stuck), null));
            await("the second FIFO job to run", () -> state(http, again).equals("running"));
            long start = System.nanoTime();
            server.close();
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(ms < 5_000, "serve took " + ms + " ms to stop");
        }
    }

    static String body(Path source) {
        return TestServer.JSON.createObjectNode().put("source", source.toString()).toString();
    }

    static String jobId(HttpResponse<String> posted) throws IOException {
        assertEquals(202, posted.statusCode(), posted.body());
        return TestServer.body(posted).get("id").asText();
    }

    static String state(TestServer http, String id) {
        try {
            JsonNode job = http.json("/api/jobs/" + id);
            return job.get("state").asText();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Opens the FIFO for writing at the end, which lets every reader still blocked in open(2) go, and waits for the
     * given-up job threads to end.
     */
    record FifoWriter(Path fifo) implements AutoCloseable {
        @Override
        public void close() throws InterruptedException {
            Thread opener = new Thread(() -> {
                try (FileOutputStream out = new FileOutputStream(fifo.toFile())) {
                    out.flush();
                } catch (IOException e) {
                    // nobody was reading: nothing to release
                }
            });
            opener.setDaemon(true);
            opener.start();
            await("the given-up job threads to end", () -> Thread.getAllStackTraces().keySet().stream()
                    .noneMatch(t -> t.getName().startsWith("photosearch-job-")));
            opener.interrupt();
        }
    }
}
