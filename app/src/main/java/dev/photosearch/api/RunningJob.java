package dev.photosearch.api;

import dev.photosearch.index.IndexReport;
import dev.photosearch.index.Indexer;
import dev.photosearch.source.PhotoSource;
import dev.photosearch.source.SourceException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One job on a thread of its own, so the queue is never wedged by it. Until the indexer reports its first progress
 * the job only reads its source (nothing is written), so a job stuck there — a FIFO, a hung network share — may be
 * interrupted and, if it does not stop, given up: when it wakes it finds itself abandoned and writes nothing. Once
 * writing, it stops only between batches, so the index is never cut mid-write.
 */
final class RunningJob {

    /** What the job's thread is doing. */
    enum Phase { READING, WRITING, ABANDONED }

    /** Thrown from the progress callback to stop a cancelled job between batches. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("cancelled", null, false, false);
        }
    }

    private static final String NOTHING_WRITTEN = "cancelled while reading its source; nothing was written";
    private static final String KEPT = "cancelled; the photos indexed before stay in the index";
    private static final Logger LOG = LoggerFactory.getLogger(RunningJob.class);
    private static final long POLL_MS = 100;
    /** How long a cancelled job still reading its source gets to stop after being interrupted. */
    private static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Job job;
    private final AtomicReference<Phase> phase = new AtomicReference<>(Phase.READING);
    private final CountDownLatch ended = new CountDownLatch(1);
    private final Thread worker;

    RunningJob(Job job, JobRunner.Opener opener, Indexer indexer, Runnable refresh) {
        this.job = job;
        this.worker = new Thread(() -> {
            try {
                work(opener, indexer, refresh);
            } finally {
                ended.countDown();
            }
        }, "photosearch-job-" + job.id());
        worker.setDaemon(true);
    }

    Job job() {
        return job;
    }

    /**
     * Runs the job and waits for it to end, to be cancelled while reading its source, or to read its source for
     * longer than {@code readTimeout}; returns at once when the waiting thread is interrupted.
     */
    void runAndWait(Duration readTimeout) {
        worker.start();
        long readDeadline = System.nanoTime() + readTimeout.toNanos();
        long giveUpAt = Long.MAX_VALUE;
        try {
            while (!ended.await(POLL_MS, TimeUnit.MILLISECONDS)) {
                long now = System.nanoTime();
                if (job.cancelRequested() && giveUpAt == Long.MAX_VALUE) {
                    giveUpAt = now + GRACE_NANOS;
                }
                if (now > giveUpAt && abandon()) {
                    job.cancelled(NOTHING_WRITTEN);
                    return;
                }
                if (now > readDeadline && abandon()) {
                    job.fail("the source gave no photos within " + readTimeout.toSeconds() + " s (a FIFO or a"
                            + " hung network share?); nothing was written");
                    return;
                }
            }
        } catch (InterruptedException e) {
            if (abandon()) {
                job.cancelled(NOTHING_WRITTEN);
            }
            Thread.currentThread().interrupt();
        }
    }

    /** Asks the job to stop: at once when it is reading its source, else after its current batch. */
    void cancel() {
        job.requestCancel();
        if (phase.get() == Phase.READING) {
            worker.interrupt();
        }
    }

    /** Gives up on a job still reading its source; false when it already writes (then it must be waited for). */
    private boolean abandon() {
        if (phase.compareAndSet(Phase.READING, Phase.ABANDONED)) {
            worker.interrupt();
            LOG.warn("Gave up on indexing {}: it did not get past reading its source", job.source());
            return true;
        }
        return phase.get() == Phase.ABANDONED;
    }

    private void work(JobRunner.Opener opener, Indexer indexer, Runnable refresh) {
        try {
            PhotoSource source = opener.open(job.source());
            IndexReport report = indexer.index(source, (done, total) -> {
                if (!phase.compareAndSet(Phase.READING, Phase.WRITING) && phase.get() != Phase.WRITING
                        || job.cancelRequested()) {
                    throw new Cancelled();
                }
                refresh.run();
                job.progress(done, total);
            });
            refresh.run();
            job.finish(report);
            LOG.info("Indexed {}: {} new, {} updated, {} removed", job.source(), report.added(), report.updated(),
                    report.removed());
        } catch (Cancelled e) {
            refresh.run();
            job.cancelled(phase.get() == Phase.WRITING ? KEPT : NOTHING_WRITTEN);
        } catch (SourceException e) {
            job.fail(e.getMessage());
        } catch (IOException | RuntimeException e) {
            if (job.cancelRequested()) {
                job.cancelled(phase.get() == Phase.WRITING ? KEPT : NOTHING_WRITTEN);
                return;
            }
            LOG.warn("Indexing {} failed", job.source(), e);
            refresh.run();
            job.fail(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }
}
