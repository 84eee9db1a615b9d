package dev.photosearch.api;

import dev.photosearch.index.IndexReport;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** One indexing run asked for over the API; its state is read by any thread, changed by the runner's only. */
final class Job {

    /** Where a job is in its life. */
    enum State {
        QUEUED, RUNNING, DONE, FAILED;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * What a client sees of a job.
     *
     * @param id         job id
     * @param source     the source as asked
     * @param state      queued, running, done or failed
     * @param done       photos processed so far
     * @param total      photos to process (known once the source is read)
     * @param report     what changed, once done
     * @param message    why it failed, when it did
     * @param createdAt  when it was asked for
     * @param finishedAt when it ended
     */
    record View(String id, String source, String state, int done, int total, Report report, String message,
            Instant createdAt, Instant finishedAt) {}

    /** The summary of a finished run. */
    record Report(int added, int updated, int unchanged, int removed, boolean interrupted, long elapsedMs) {
        static Report of(IndexReport r) {
            return new Report(r.added(), r.updated(), r.unchanged(), r.removed(), r.interrupted(),
                    r.elapsed().toMillis());
        }
    }

    private final String id;
    private final String source;
    private final Instant createdAt = Instant.now();
    private final List<Consumer<View>> listeners = new CopyOnWriteArrayList<>();
    private volatile View view;

    Job(String id, String source) {
        this.id = id;
        this.source = source;
        this.view = new View(id, source, State.QUEUED.label(), 0, 0, null, null, createdAt, null);
    }

    String id() {
        return id;
    }

    String source() {
        return source;
    }

    View view() {
        return view;
    }

    boolean finished() {
        return view.finishedAt() != null;
    }

    void progress(int done, int total) {
        update(new View(id, source, State.RUNNING.label(), done, total, null, null, createdAt, null));
    }

    void finish(IndexReport report) {
        update(new View(id, source, State.DONE.label(), view.done(), view.total(), Report.of(report), null, createdAt,
                Instant.now()));
    }

    void fail(String message) {
        update(new View(id, source, State.FAILED.label(), view.done(), view.total(), null, message, createdAt, Instant.now()));
    }

    /** Calls {@code listener} with the current view now and with every later one; returns what to call to stop. */
    Runnable listen(Consumer<View> listener) {
        listeners.add(listener);
        listener.accept(view);
        return () -> listeners.remove(listener);
    }

    private void update(View next) {
        view = next;
        listeners.forEach(l -> l.accept(next));
    }
}
