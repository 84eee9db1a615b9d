package dev.photosearch.cli;

import dev.photosearch.source.CollectOptions;
import dev.photosearch.source.DocIds;
import dev.photosearch.source.Pacing;
import dev.photosearch.source.SessionCookie;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/** Options of the commands that talk to Instagram. */
final class InstagramOptions {

    @Option(names = "--instagram-cookies", paramLabel = "FILE",
            description = "Session cookie for profiles that need a login: a \"sessionid=...; csrftoken=...\" line or"
                    + " a cookies.txt export (default: $" + CollectOptions.COOKIES_ENV + ", else the copy kept from"
                    + " an earlier run).")
    Path cookies;

    @Option(names = "--request-budget", paramLabel = "N", defaultValue = "200",
            description = "Most requests sent to Instagram per account and run (default: ${DEFAULT-VALUE}).")
    int budget;

    @Option(names = "--request-delay", paramLabel = "SECONDS", defaultValue = "3",
            description = "Pause between two requests to Instagram; up to as much again is added at random"
                    + " (default: ${DEFAULT-VALUE}).")
    double delaySeconds;

    @Option(names = "--user-agent", paramLabel = "TEXT",
            description = "User-Agent sent to Instagram's web site (default: a current desktop Chrome's).")
    String userAgent;

    @Option(names = "--instagram-doc-id", paramLabel = "NAME=ID",
            description = "A newer doc_id of a GraphQL query of Instagram's web app, when Instagram retired the one"
                    + " PhotoSearch knows, e.g. posts=1234567890 (also $" + DocIds.ENV + ", comma-separated).")
    List<String> docIds;

    /** The collection options: the environment's, with these options applied; progress lines go to {@code err}. */
    CollectOptions resolve(PrintWriter err) throws IOException {
        CollectOptions options = CollectOptions.fromEnvironment();
        Duration delay = Duration.ofMillis(Math.round(Math.max(0, delaySeconds) * 1000));
        Pacing base = options.pacing();
        options = options.withPacing(new Pacing(Math.max(1, budget), delay, delay, base.retries(), base.backoff(),
                base.maxBackoff(), base.timeout()));
        options = options.withProgress(ProgressOutput.to(err).collection()).withUserAgent(userAgent);
        if (docIds != null) {
            options = options.withDocIds(options.docIds().with(docIds));
        }
        return cookies == null ? options : options.withCookie(SessionCookie.read(cookies));
    }
}
