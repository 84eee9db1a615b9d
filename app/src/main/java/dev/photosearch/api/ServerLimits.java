package dev.photosearch.api;

import io.javalin.config.JavalinConfig;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.server.handler.MinimumDataRateHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * What one client may cost the server: a bounded thread pool and number of connections, request bodies read in
 * full before a thread is given to them (so a slow body holds no thread) at a minimum rate and size, an idle
 * timeout, room in the headers for the longest documented query, and JSON for every error Jetty answers itself.
 */
final class ServerLimits {

    /** The largest body taken: a source path in JSON is a few hundred bytes. */
    static final int MAX_BODY_BYTES = 64 * 1024;
    /** Request line and headers: a query of 20,000 encoded characters still reaches the router and gets its 413. */
    static final int MAX_HEADER_BYTES = 32 * 1024;
    static final int MAX_THREADS = 64;
    static final int MAX_CONNECTIONS = 1_000;
    /** A connection silent this long is closed. */
    static final long IDLE_TIMEOUT_MS = 30_000;
    /** A body arriving slower than this on average is cut off (a real client sends its small body at once). */
    static final long MIN_BODY_BYTES_PER_SECOND = 1_024;

    private ServerLimits() {}

    static void apply(JavalinConfig config) {
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 4);
        threads.setName("photosearch-http");
        config.jetty.threadPool = threads;
        config.http.maxRequestSize = MAX_BODY_BYTES;
        config.jetty.modifyHttpConfiguration(http -> {
            http.setRequestHeaderSize(MAX_HEADER_BYTES);
            http.setIdleTimeout(IDLE_TIMEOUT_MS);
        });
        config.jetty.modifyServer(server -> {
            server.setStopTimeout(2_000);
            server.setErrorHandler(new JsonErrorHandler());
            server.addBean(new NetworkConnectionLimit(MAX_CONNECTIONS, server));
            // Each insert goes first; Javalin hangs its servlet context below the innermost.
            server.insertHandler(new EagerContentHandler(new EagerContentHandler.RetainedContentLoaderFactory(
                    MAX_BODY_BYTES, 64, true)));
            server.insertHandler(new MinimumDataRateHandler(MIN_BODY_BYTES_PER_SECOND, 0));
        });
    }
}
