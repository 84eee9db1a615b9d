package dev.photosearch.source;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Talks to Instagram the way its web app does: every request goes to the one base URL with the app's headers, the
 * session's cookies (updated from {@code Set-Cookie}), the CSRF token taken from the {@code csrftoken} cookie and
 * the {@code X-IG-WWW-Claim} the server last handed out. A 401 "please wait" is asked once more, then counted as
 * a route that no longer works.
 */
final class WebAppClient {

    /** The web app's id and its ASBD id, which Instagram expects in headers on its API calls. */
    static final String APP_ID = "936619743392459";
    static final String ASBD_ID = "359341";
    /** A current desktop Chrome: Instagram answers 400 "useragent mismatch" or worse media to other agents. */
    static final String DEFAULT_USER_AGENT = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36"
            + " (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36";

    private final URI base;
    private final PoliteHttp http;
    private final String userAgent;
    private final String referer;
    private final boolean loggedIn;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String claim = "0";

    /** {@code profilePath} is the page the requests are made from, sent as Referer. */
    WebAppClient(URI base, SessionCookie cookie, String userAgent, String profilePath, PoliteHttp http) {
        this.base = base;
        this.http = http;
        this.userAgent = userAgent == null || userAgent.isBlank() ? DEFAULT_USER_AGENT : userAgent.strip();
        this.referer = base.resolve(profilePath).toString();
        this.loggedIn = cookie != null;
        if (cookie != null) {
            for (String pair : cookie.header().split(";")) {
                setCookie(pair);
            }
        }
    }

    boolean loggedIn() {
        return loggedIn;
    }

    int requests() {
        return http.sent();
    }

    /** GETs JSON from a path (with its query) under the base URL. */
    PoliteHttp.Answer get(String pathAndQuery) throws IOException {
        URI uri = base.resolve(pathAndQuery);
        PoliteHttp.Answer answer = absorb(http.get(uri, headers(false)));
        if (WebAnswers.pleaseWait(answer)) {
            answer = absorb(http.get(uri, headers(false)));
            WebAnswers.failIfPleaseWait(answer, uri.getPath());
        }
        return answer;
    }

    /** POSTs a form to a path under the base URL and reads JSON back. */
    PoliteHttp.Answer post(String path, Map<String, String> form) throws IOException {
        URI uri = base.resolve(path);
        String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        PoliteHttp.Answer answer = absorb(http.post(uri, headers(true), body));
        if (WebAnswers.pleaseWait(answer)) {
            answer = absorb(http.post(uri, headers(true), body));
            WebAnswers.failIfPleaseWait(answer, uri.getPath());
        }
        return answer;
    }

    /** GETs a web page (HTML). */
    PoliteHttp.Answer page(String path) throws IOException {
        Map<String, String> headers = headers(false);
        headers.put("Accept", "text/html,application/xhtml+xml");
        return absorb(http.getPage(base.resolve(path), headers));
    }

    private Map<String, String> headers(boolean post) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("User-Agent", userAgent);
        headers.put("Accept", "*/*");
        headers.put("X-IG-App-ID", APP_ID);
        headers.put("X-ASBD-ID", ASBD_ID);
        headers.put("X-IG-WWW-Claim", claim);
        headers.put("X-Requested-With", "XMLHttpRequest");
        headers.put("Referer", referer);
        headers.put("Sec-Fetch-Site", "same-origin");
        headers.put("Sec-Fetch-Mode", "cors");
        headers.put("Sec-Fetch-Dest", "empty");
        String csrf = cookies.get("csrftoken");
        if (csrf != null) {
            headers.put("X-CSRFToken", csrf);
        }
        if (post) {
            headers.put("Origin", base.getScheme() + "://" + base.getRawAuthority());
        }
        if (!cookies.isEmpty()) {
            headers.put("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return headers;
    }

    /** Keeps the cookies and the claim the answer hands out, as a browser would. */
    private PoliteHttp.Answer absorb(PoliteHttp.Answer answer) {
        List<String> setCookies = answer.headers().allValues("Set-Cookie");
        for (String setCookie : setCookies) {
            setCookie(setCookie.split(";", 2)[0]);
        }
        answer.headers().firstValue("x-ig-set-www-claim").filter(value -> !value.isBlank())
                .ifPresent(value -> claim = value.strip());
        return answer;
    }

    private void setCookie(String pair) {
        int eq = pair.indexOf('=');
        if (eq <= 0) {
            return;
        }
        String name = pair.substring(0, eq).strip();
        String value = pair.substring(eq + 1).strip();
        if (value.isEmpty() || value.equals("\"\"")) {
            cookies.remove(name);
        } else if (!name.isEmpty()) {
            cookies.put(name, value);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
