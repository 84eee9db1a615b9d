package dev.photosearch.api;

import dev.photosearch.source.PhotoSource;
import dev.photosearch.source.Sources;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs indexing jobs one after the other, since a home has one index writer; the searcher is refreshed as commits
 * land, so new photos become searchable while a long job runs. Each job runs as a {@link RunningJob}, so one that
 * hangs reading its source is given up and the queue goes on.
 */
final class JobRunner implements AutoCloseable {

    /** Opens a source spec, as {@link Sources#open(String)} does. */
    interface Opener {
        PhotoSource open(String spec) throws IOException;
    }

    /** A source that gives no list of photos in this long is given up (a folder walk of a million files is faster). */
    static final Duration READ_TIMEOUT = Duration.ofMinutes(10);

    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);
    /** Finished jobs remembered for GET /api/jobs/{id}; older ones are forgotten first. */
    private static final int KEPT = 100;

    private final Library library;
    private final Opener opener;
    private final Duration readTimeout;
    private final ExecutorService queue = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "photosearch-jobs");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private volatile RunningJob current;

    JobRunner(Library library) {
        this(library, Sources::open, READ_TIMEOUT);
    }

    JobRunner(Library library, Opener opener, Duration readTimeout) {
        this.library = library;
        this.opener = opener;
        this.readTimeout = readTimeout;
    }

    /** Queues the indexing of {@code source} (a path on this machine, as the CLI takes it). */
    synchronized Job submit(String source) {
        Job job = new Job(UUID.randomUUID().toString(), source);
        jobs.put(job.id(), job);
        if (jobs.size() > KEPT) {
            jobs.values().stream().filter(Job::finished).findFirst().ifPresent(old -> jobs.remove(old.id()));
        }
        queue.execute(() -> run(job));
        return job;
    }

    synchronized Optional<Job> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** Asks the job to stop (see {@link RunningJob#cancel()}); a queued job is cancelled at once. */
    void cancel(Job job) {
        RunningJob running = current;
        if (running != null && running.job() == job) {
            running.cancel();
        } else {
            job.requestCancel();
        }
    }

    synchronized Map<String, Long> countsByState() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Job.State state : Job.State.values()) {
            counts.put(state.label(), 0L);
        }
        jobs.values().forEach(j -> counts.merge(j.view().state(), 1L, Long::sum));
        return counts;
    }

    private void run(Job job) {
        if (!job.start()) {
            return;
        }
        RunningJob running = new RunningJob(job, opener, library.indexer(), this::refresh);
        current = running;
        try {
            running.runAndWait(readTimeout);
        } finally {
            current = null;
        }
    }

    private void refresh() {
        try {
            library.searcher().refresh();
        } catch (IOException e) {
            LOG.warn("Cannot reopen the index for searching: {}", e.toString());
        }
    }

    /**
     * Stops taking jobs without waiting: queued ones are cancelled, one reading its source is interrupted, one
     * writing saves what it did and stops after its current batch.
     */
    void stopAll() {
        queue.shutdown();
        library.indexer().requestStop();
        RunningJob running = current;
        if (running != null) {
            running.cancel();
        }
        synchronized (this) {
            jobs.values().forEach(Job::requestCancel);
        }
    }

    /** {@link #stopAll()}, then waits at most {@code wait} for the running job before giving up on it. */
    void close(Duration wait) throws InterruptedException {
        stopAll();
        if (!queue.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.warn("An indexing job did not stop within {} s; the index keeps its last commit", wait.toSeconds());
            queue.shutdownNow();
        }
    }

    @Override
    public void close() throws InterruptedException {
        close(Duration.ofSeconds(3));
    }
}
