package dev.photosearch.source;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How live Instagram sources are collected.
 *
 * @param webUrl      Instagram's web site ({@code https://www.instagram.com}); a local fake server in tests
 * @param apiUrl      the official API ({@code https://graph.instagram.com})
 * @param pacing      request budget, pauses, backoff and timeouts
 * @param cookie      a session cookie for profiles that need a login; null when none
 * @param accessToken the official API's access token; null when none
 * @param progress    told after each page stored
 */
public record CollectOptions(URI webUrl, URI apiUrl, Pacing pacing, SessionCookie cookie, String accessToken,
        CollectionProgress progress) {

    /** Environment variable naming a cookie file. */
    public static final String COOKIES_ENV = "PHOTOSEARCH_INSTAGRAM_COOKIES";
    /** Environment variable holding the official API's access token. */
    public static final String TOKEN_ENV = "INSTAGRAM_ACCESS_TOKEN";

    public CollectOptions {
        Objects.requireNonNull(webUrl, "webUrl");
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(pacing, "pacing");
        progress = progress == null ? CollectionProgress.NONE : progress;
    }

    /** Options that report no progress. */
    public CollectOptions(URI webUrl, URI apiUrl, Pacing pacing, SessionCookie cookie, String accessToken) {
        this(webUrl, apiUrl, pacing, cookie, accessToken, CollectionProgress.NONE);
    }

    /**
     * The defaults, changed by the environment: {@code photosearch.instagram.url} / {@code PHOTOSEARCH_INSTAGRAM_URL}
     * and {@code photosearch.instagram.api-url} / {@code PHOTOSEARCH_INSTAGRAM_API_URL} for the base URLs,
     * {@value #COOKIES_ENV} for a cookie file, {@value #TOKEN_ENV} for the token.
     */
    public static CollectOptions fromEnvironment() throws IOException {
        String cookies = System.getenv(COOKIES_ENV);
        return new CollectOptions(
                URI.create(setting("photosearch.instagram.url", "PHOTOSEARCH_INSTAGRAM_URL", "https://www.instagram.com")),
                URI.create(setting("photosearch.instagram.api-url", "PHOTOSEARCH_INSTAGRAM_API_URL",
                        "https://graph.instagram.com")),
                Pacing.DEFAULTS,
                cookies == null || cookies.isBlank() ? null : SessionCookie.read(Path.of(cookies)),
                System.getenv(TOKEN_ENV));
    }

    private static String setting(String property, String env, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    public CollectOptions withPacing(Pacing newPacing) {
        return new CollectOptions(webUrl, apiUrl, newPacing, cookie, accessToken, progress);
    }

    public CollectOptions withCookie(SessionCookie newCookie) {
        return new CollectOptions(webUrl, apiUrl, pacing, newCookie, accessToken, progress);
    }

    public CollectOptions withProgress(CollectionProgress newProgress) {
        return new CollectOptions(webUrl, apiUrl, pacing, cookie, accessToken, newProgress);
    }

    @Override
    public String toString() {
        return "CollectOptions[webUrl=" + webUrl + ", apiUrl=" + apiUrl + ", pacing=" + pacing + ", cookie="
                + (cookie == null ? "none" : "****") + ", accessToken=" + (accessToken == null ? "none" : "****") + "]";
    }
}
