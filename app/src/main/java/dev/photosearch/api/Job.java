package dev.photosearch.api;

import dev.photosearch.index.IndexReport;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One indexing run asked for over the API; its state is read by any thread. Once it has ended (done, failed or
 * cancelled) it never changes again, so a worker that was given up on cannot overwrite the outcome.
 */
final class Job {

    /** Where a job is in its life. */
    enum State {
        QUEUED, RUNNING, DONE, FAILED, CANCELLED;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * What a client sees of a job.
     *
     * @param id         job id
     * @param source     the source as asked
     * @param state      queued, running, done, failed or cancelled
     * @param done       photos processed so far
     * @param total      photos to process (known once the source is read)
     * @param report     what changed, once done
     * @param message    why it failed or was cancelled, when it was
     * @param createdAt  when it was asked for
     * @param finishedAt when it ended
     */
    record View(String id, String source, String state, int done, int total, Report report, String message,
            Instant createdAt, Instant finishedAt) {}

    /**
     * The summary of a finished run; {@code retrying} and {@code gaveUp} count by reason the photos whose image met
     * a problem that may pass (tried again by the next run) and those whose last try this was.
     */
    record Report(int added, int updated, int unchanged, int removed, boolean interrupted, long elapsedMs,
            Map<String, Integer> retrying, Map<String, Integer> gaveUp, int thumbnailsNotWritten) {
        static Report of(IndexReport r) {
            return new Report(r.added(), r.updated(), r.unchanged(), r.removed(), r.interrupted(),
                    r.elapsed().toMillis(), r.retrying(), r.gaveUp(), r.thumbnailsNotWritten());
        }
    }

    private final String id;
    private final String source;
    private final Instant createdAt = Instant.now();
    private final List<Consumer<View>> listeners = new CopyOnWriteArrayList<>();
    private volatile View view;
    private volatile boolean cancelRequested;

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

    boolean cancelRequested() {
        return cancelRequested;
    }

    /** Asks the job to stop; a queued job ends as cancelled at once, a running one when its runner sees it. */
    synchronized void requestCancel() {
        cancelRequested = true;
        if (view.state().equals(State.QUEUED.label())) {
            cancelled("cancelled before it started");
        }
    }

    /** Marks the job running; false when it was cancelled while queued. */
    synchronized boolean start() {
        if (cancelRequested) {
            return false;
        }
        progress(0, 0);
        return true;
    }

    void progress(int done, int total) {
        update(new View(id, source, State.RUNNING.label(), done, total, null, null, createdAt, null));
    }

    void finish(IndexReport report) {
        end(State.DONE, Report.of(report), null);
    }

    void fail(String message) {
        end(State.FAILED, null, message);
    }

    void cancelled(String message) {
        end(State.CANCELLED, null, message);
    }

    private void end(State state, Report report, String message) {
        View now = view;
        update(new View(id, source, state.label(), now.done(), now.total(), report, message, createdAt, Instant.now()));
    }

    /** Calls {@code listener} with the current view now and with every later one; returns what to call to stop. */
    Runnable listen(Consumer<View> listener) {
        listeners.add(listener);
        listener.accept(view);
        return () -> listeners.remove(listener);
    }

    private synchronized void update(View next) {
        if (finished()) {
            return;
        }
        view = next;
        listeners.forEach(l -> l.accept(next));
    }
}
