package dev.photosearch.cli;

import dev.photosearch.source.CollectOptions;
import dev.photosearch.source.SessionCookie;
import java.io.IOException;
import java.nio.file.Path;
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

    /** The collection options: the environment's, with these options applied. */
    CollectOptions resolve() throws IOException {
        CollectOptions options = CollectOptions.fromEnvironment();
        options = options.withPacing(options.pacing().withBudget(Math.max(1, budget)));
        return cookies == null ? options : options.withCookie(SessionCookie.read(cookies));
    }
}
