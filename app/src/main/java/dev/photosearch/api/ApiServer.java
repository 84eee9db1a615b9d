package dev.photosearch.api;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.router.Endpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: the JSON API under {@code /api}, Prometheus metrics at {@code /metrics} and the web page (built
 * into the jar under {@code /web}) at every other path.
 */
public final class ApiServer implements AutoCloseable {

    /** One API route: its method and its path pattern as written in the OpenAPI document. */
    public record Route(String method, String path) {}

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final String WEB = "/web";
    private static final String METRICS_PATH = "/metrics";

    private final Library library;
    private final ServerOptions options;
    private final JobRunner jobs;
    private final Metrics metrics = new Metrics();
    private final List<Route> routes = new ArrayList<>();
    private final Javalin app;

    public ApiServer(Library library, ServerOptions options) {
        this(library, options, new JobRunner(library));
    }

    /** A server whose jobs open their sources with {@code opener} (tests give one that hangs). */
    ApiServer(Library library, ServerOptions options, JobRunner jobs) {
        this.library = library;
        this.options = options;
        this.jobs = jobs;
        this.app = Javalin.create(this::configure);
    }

    /** Starts listening; returns the port (useful with port 0). */
    public int start() {
        app.start(options.host(), options.port());
        LOG.info("PhotoSearch is serving on http://{}:{}/", options.host(), app.port());
        return app.port();
    }

    public int port() {
        return app.port();
    }

    /** The API routes served, for the OpenAPI check. */
    public List<Route> routes() {
        return List.copyOf(routes);
    }

    private void configure(JavalinConfig config) {
        config.startup.showJavalinBanner = false;
        config.http.prefer405over404 = true;
        config.router.ignoreTrailingSlashes = true;
        ServerLimits.apply(config);
        AccessControl access = new AccessControl(options);
        PhotoLookup photos = new PhotoLookup(library.searcher());
        SearchRoutes search = new SearchRoutes(library.searcher(), photos);
        BrowseRoutes browse = new BrowseRoutes(library.browser());
        MediaRoutes media = new MediaRoutes(library, photos);
        SourceRoutes sources = new SourceRoutes(library, jobs, new SourcePolicy(options));
        String openApi = resource("openapi.json");

        config.routes.before(access::before);
        config.routes.before(RequestTarget::check);
        get(config, "/api/health", ctx -> Json.send(ctx, 200, health()));
        get(config, "/api/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
        get(config, "/api/search", search::search);
        get(config, "/api/photos", browse::list);
        get(config, "/api/photos/{id}", search::photo);
        get(config, "/api/photos/{id}/similar", search::similar);
        get(config, "/api/photos/{id}/thumbnail", media::thumbnail);
        get(config, "/api/photos/{id}/image", media::image);
        get(config, "/api/sources", sources::list);
        route(config, HandlerType.POST, "/api/sources", sources::add);
        route(config, HandlerType.DELETE, "/api/sources", sources::remove);
        get(config, "/api/jobs/{id}", sources::job);
        route(config, HandlerType.DELETE, "/api/jobs/{id}", sources::cancel);
        config.routes.before("/api/jobs/{id}/events", sources::checkJob);
        config.routes.sse("/api/jobs/{id}/events", sources::events);
        routes.add(new Route("get", "/api/jobs/{id}/events"));
        config.routes.get(METRICS_PATH, ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(metrics.scrape(gauges())));
        if (options.corsOrigin() != null) {
            config.routes.addEndpoint(new Endpoint(HandlerType.OPTIONS, "/api/*", ctx -> ctx.status(204)));
        }
        config.requestLogger.http((ctx, ms) -> metrics.record(ctx.method().name(), routeOf(ctx),
                ctx.statusCode(), ms / 1000.0));

        config.routes.exception(ApiException.class, (e, ctx) -> Json.error(ctx, e.status(), e.error(), e.getMessage()));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> ctx.status(e.getStatus()).contentType(
                "application/json; charset=utf-8").result(JsonErrorHandler.body(e.getStatus())));
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            Json.error(ctx, 500, "internal", "the server failed to answer; the log says why");
        });
        config.routes.error(404, ctx -> jsonIfEmpty(ctx, "not_found", "nothing at " + ctx.path()));
        // Javalin answers a body cut off for its slow rate (Jetty's TimeoutException) with this status
        config.routes.error(408, ctx -> jsonIfEmpty(ctx, "request_timeout", JsonErrorHandler.message(408)));
        config.routes.error(405, ctx -> jsonIfEmpty(ctx, "method_not_allowed",
                ctx.method() + " is not allowed on " + ctx.path()));
        serveWebPage(config);
    }

    private void get(JavalinConfig config, String path, Handler handler) {
        route(config, HandlerType.GET, path, handler);
    }

    private void route(JavalinConfig config, HandlerType method, String path, Handler handler) {
        config.routes.addEndpoint(new Endpoint(method, path, handler));
        routes.add(new Route(method.name().toLowerCase(Locale.ROOT), path));
    }

    /** The built page, with every path that is not a file answered by index.html (the page routes itself). */
    private static void serveWebPage(JavalinConfig config) {
        if (ApiServer.class.getResource(WEB + "/index.html") == null) {
            LOG.warn("The web page is not in this build (built with -Dskip.web): only the API is served");
            return;
        }
        config.staticFiles.add(WEB, Location.CLASSPATH);
        config.spaRoot.addHandler("/", ctx -> {
            if (ctx.path().startsWith("/api/") || ctx.path().equals("/api") || ctx.path().equals(METRICS_PATH)) {
                Json.error(ctx, 404, "not_found", "nothing at " + ctx.path());
                return;
            }
            try (InputStream in = ApiServer.class.getResourceAsStream(WEB + "/index.html")) {
                ctx.contentType("text/html; charset=utf-8").result(in.readAllBytes());
            }
        });
    }

    private static void jsonIfEmpty(Context ctx, String error, String message) {
        String body = ctx.result();
        if (body == null || body.isEmpty() || !String.valueOf(ctx.res().getContentType()).contains("json")) {
            Json.error(ctx, ctx.statusCode(), error, message);
        }
    }

    private static String routeOf(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        return endpoint == null ? "unmatched" : endpoint.path;
    }

    private Map<String, Object> health() throws IOException {
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("status", "ok");
        health.put("photos", library.searcher().size());
        health.put("text_model", library.searcher().model().id());
        return health;
    }

    private Map<String, Map<String, Number>> gauges() throws IOException {
        Map<String, Map<String, Number>> gauges = new LinkedHashMap<>();
        gauges.put("photosearch_index_photos", Map.of("", library.searcher().size()));
        Map<String, Number> jobCounts = new LinkedHashMap<>();
        jobs.countsByState().forEach((state, n) -> jobCounts.put(Metrics.labels("state", state), n));
        gauges.put("photosearch_jobs", jobCounts);
        return gauges;
    }

    private static String resource(String name) {
        try (InputStream in = ApiServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stops taking requests and jobs, lets a running indexing job save and stop (giving up on one stuck reading its
     * source), and closes the library: within about 5 seconds.
     */
    @Override
    public void close() throws IOException, InterruptedException {
        jobs.stopAll();
        app.stop();
        jobs.close(Duration.ofSeconds(2));
        library.close();
    }
}
