package dev.photosearch.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.photosearch.search.PhotoSearcher;
import dev.photosearch.source.SourceException;
import dev.photosearch.source.Sources;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /api/sources} (list, add, remove) and {@code /api/jobs/{id}} (follow, cancel) with its server-sent events. */
final class SourceRoutes {

    /** What {@code GET /api/sources} lists for one source. */
    record SourceView(String source, int photos) {}

    private final Library library;
    private final JobRunner jobs;
    private final SourcePolicy policy;

    SourceRoutes(Library library, JobRunner jobs, SourcePolicy policy) {
        this.library = library;
        this.jobs = jobs;
        this.policy = policy;
    }

    void list(Context ctx) throws IOException {
        List<SourceView> sources = library.searcher().sources().entrySet().stream()
                .map(e -> new SourceView(e.getKey(), e.getValue())).toList();
        Json.send(ctx, 200, Map.of("sources", sources));
    }

    /**
     * Checks the source now, so a wrong or forbidden path is a 400 or 403 at once, then queues its indexing: 202
     * with the job.
     */
    void add(Context ctx) throws IOException {
        String source = sourceOf(ctx.body());
        policy.check(source);
        try {
            Sources.open(source);
        } catch (SourceException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        Job job = jobs.submit(source);
        ctx.header("Location", "/api/jobs/" + job.id());
        Json.send(ctx, 202, job.view());
    }

    /**
     * Takes every photo of {@code ?source=KEY} (as the list names it) out of the index at once; a job indexing it
     * meanwhile would add back what it stores afterwards.
     */
    void remove(Context ctx) throws IOException {
        String source = ctx.queryParam("source");
        if (source == null || source.isBlank()) {
            throw ApiException.badRequest("give the source to remove as ?source=KEY, as GET /api/sources names it");
        }
        if (!library.searcher().sources().containsKey(source)) {
            throw new ApiException(404, "not_found", "not an indexed source: " + source);
        }
        Set<String> removed = library.index().removeSource(source);
        library.searcher().refresh();
        library.media().forget(removed);
        Json.send(ctx, 200, Map.of("source", source, "removed", removed.size()));
    }

    void job(Context ctx) {
        Json.send(ctx, 200, require(ctx).view());
    }

    /** Asks the job to stop: 202 with the job, which ends as cancelled (at once when it was queued). */
    void cancel(Context ctx) {
        Job job = require(ctx);
        if (job.finished() && !job.view().state().equals(Job.State.CANCELLED.label())) {
            throw new ApiException(409, "conflict", "the job has already ended: " + job.view().state());
        }
        jobs.cancel(job);
        Json.send(ctx, 202, job.view());
    }

    /** Runs before the event stream opens, so an unknown job is still a plain 404. */
    void checkJob(Context ctx) {
        require(ctx);
    }

    /** Sends a "progress" event per change and an "end" event once the job is done or failed, then closes. */
    void events(SseClient client) {
        Job job = require(client.ctx());
        client.keepAlive();
        Runnable[] stop = new Runnable[1];
        stop[0] = job.listen(view -> {
            boolean end = view.finishedAt() != null;
            client.sendEvent(end ? "end" : "progress", Json.write(view));
            if (end) {
                client.close();
            }
        });
        client.onClose(() -> stop[0].run());
        if (job.finished()) {
            stop[0].run();
        }
    }

    private Job require(Context ctx) {
        String id = ctx.pathParam("id");
        return jobs.find(id).orElseThrow(() -> ApiException.notFound("no job with id " + id));
    }

    /** The source a {@code POST /api/sources} body names, stripped; a 400 when the body does not name one. */
    static String sourceOf(String body) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("the body must be JSON like {\"source\": \"/path/to/photos\"}");
        }
        JsonNode source = node == null ? null : node.get("source");
        if (source == null || !source.isTextual() || source.asText().isBlank()) {
            throw ApiException.badRequest("the body must name a \"source\": a folder, an export or a URL list");
        }
        return source.asText().strip();
    }
}
