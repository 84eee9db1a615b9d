package dev.photosearch.source;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
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
 * @param userAgent   the User-Agent sent to Instagram's web site; null for a current desktop browser's
 * @param docIds      the doc_ids of the web app's GraphQL queries
 */
public record CollectOptions(URI webUrl, URI apiUrl, Pacing pacing, SessionCookie cookie, String accessToken,
        CollectionProgress progress, String userAgent, DocIds docIds) {

    /** Environment variable naming a cookie file. */
    public static final String COOKIES_ENV = "PHOTOSEARCH_INSTAGRAM_COOKIES";
    /** Environment variable holding the official API's access token. */
    public static final String TOKEN_ENV = "INSTAGRAM_ACCESS_TOKEN";

    public CollectOptions {
        Objects.requireNonNull(webUrl, "webUrl");
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(pacing, "pacing");
        progress = progress == null ? CollectionProgress.NONE : progress;
        docIds = docIds == null ? DocIds.defaults() : docIds;
    }

    /** Options that report no progress, with the default User-Agent and doc_ids. */
    public CollectOptions(URI webUrl, URI apiUrl, Pacing pacing, SessionCookie cookie, String accessToken) {
        this(webUrl, apiUrl, pacing, cookie, accessToken, CollectionProgress.NONE, null, null);
    }

    /**
     * The defaults, changed by the environment: {@code photosearch.instagram.url} / {@code PHOTOSEARCH_INSTAGRAM_URL}
     * and {@code photosearch.instagram.api-url} / {@code PHOTOSEARCH_INSTAGRAM_API_URL} for the base URLs,
     * {@value #COOKIES_ENV} for a cookie file, {@value #TOKEN_ENV} for the token, {@value DocIds#ENV} for doc_ids.
     */
    public static CollectOptions fromEnvironment() throws IOException {
        String cookies = System.getenv(COOKIES_ENV);
        String docIds = System.getenv(DocIds.ENV);
        return new CollectOptions(
                URI.create(setting("photosearch.instagram.url", "PHOTOSEARCH_INSTAGRAM_URL", "https://www.instagram.com")),
                URI.create(setting("photosearch.instagram.api-url", "PHOTOSEARCH_INSTAGRAM_API_URL",
                        "https://graph.instagram.com")),
                Pacing.DEFAULTS,
                cookies == null || cookies.isBlank() ? null : SessionCookie.read(Path.of(cookies)),
                System.getenv(TOKEN_ENV), CollectionProgress.NONE, null,
                DocIds.defaults().with(docIds == null || docIds.isBlank() ? List.of() : List.of(docIds.split(","))));
    }

    private static String setting(String property, String env, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    public CollectOptions withPacing(Pacing newPacing) {
        return new CollectOptions(webUrl, apiUrl, newPacing, cookie, accessToken, progress, userAgent, docIds);
    }

    public CollectOptions withCookie(SessionCookie newCookie) {
        return new CollectOptions(webUrl, apiUrl, pacing, newCookie, accessToken, progress, userAgent, docIds);
    }

    public CollectOptions withProgress(CollectionProgress newProgress) {
        return new CollectOptions(webUrl, apiUrl, pacing, cookie, accessToken, newProgress, userAgent, docIds);
    }

    public CollectOptions withUserAgent(String newUserAgent) {
        return new CollectOptions(webUrl, apiUrl, pacing, cookie, accessToken, progress, newUserAgent, docIds);
    }

    public CollectOptions withDocIds(DocIds newDocIds) {
        return new CollectOptions(webUrl, apiUrl, pacing, cookie, accessToken, progress, userAgent, newDocIds);
    }

    @Override
    public String toString() {
        return "CollectOptions[webUrl=" + webUrl + ", apiUrl=" + apiUrl + ", pacing=" + pacing + ", cookie="
                + (cookie == null ? "none" : "****") + ", accessToken=" + (accessToken == null ? "none" : "****")
                + ", userAgent=" + userAgent + ", docIds=" + docIds + "]";
    }
}
