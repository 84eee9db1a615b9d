package dev.photosearch.api;

import dev.photosearch.index.IndexReport;
import dev.photosearch.source.PhotoSource;
import dev.photosearch.source.SourceException;
import dev.photosearch.source.Sources;
import java.io.IOException;
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
 * Runs indexing jobs one after the other on one thread, since a home has one index writer; the searcher is
 * refreshed as commits land, so new photos become searchable while a long job runs.
 */
final class JobRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);
    /** Finished jobs remembered for GET /api/jobs/{id}; older ones are forgotten first. */
    private static final int KEPT = 100;

    private final Library library;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "photosearch-indexing");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Job> jobs = new LinkedHashMap<>();

    JobRunner(Library library) {
        this.library = library;
    }

    /** Queues the indexing of {@code source} (a path on this machine, as the CLI takes it). */
    synchronized Job submit(String source) {
        Job job = new Job(UUID.randomUUID().toString(), source);
        jobs.put(job.id(), job);
        if (jobs.size() > KEPT) {
            jobs.values().stream().filter(Job::finished).findFirst().ifPresent(old -> jobs.remove(old.id()));
        }
        thread.execute(() -> run(job));
        return job;
    }

    synchronized Optional<Job> find(String id) {
        return Optional.ofNullable(jobs.get(id));
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
        try {
            PhotoSource source = Sources.open(job.source());
            job.progress(0, 0);
            IndexReport report = library.indexer().index(source, (done, total) -> {
                refresh();
                job.progress(done, total);
            });
            refresh();
            job.finish(report);
            LOG.info("Indexed {}: {} new, {} updated, {} removed", job.source(), report.added(), report.updated(),
                    report.removed());
        } catch (SourceException e) {
            job.fail(e.getMessage());
        } catch (IOException | RuntimeException e) {
            LOG.warn("Indexing {} failed", job.source(), e);
            refresh();
            job.fail(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private void refresh() {
        try {
            library.searcher().refresh();
        } catch (IOException e) {
            LOG.warn("Cannot reopen the index for searching: {}", e.toString());
        }
    }

    /** Asks a running job to save and stop, and waits for it. */
    @Override
    public void close() throws InterruptedException {
        library.indexer().requestStop();
        thread.shutdown();
        if (!thread.awaitTermination(60, TimeUnit.SECONDS)) {
            thread.shutdownNow();
        }
    }
}
