package dev.photosearch.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

/**
 * Runs before every request, the web page's files included: the Host name (421 unless the server answers for it),
 * CORS (only for the one origin given with --cors), the rate limit per client, and for writes (POST, DELETE) a
 * same-site Origin (403) and a JSON body type (415), so a page on another site cannot drive the server. The bearer
 * token, when the server has one, is required for writes and for API calls from other machines; the page itself
 * is served without it, so it can ask for the token.
 */
final class AccessControl {

    /** The cookie the web page sets once it has the token (see web/src/api.ts). */
    static final String TOKEN_COOKIE = "photosearch_token";

    private final ServerOptions options;
    private final HostNames hosts;
    private final RateLimiter limiter;

    AccessControl(ServerOptions options) {
        this.options = options;
        this.hosts = new HostNames(options);
        this.limiter = new RateLimiter(options.ratePerSecond(), options.burst(), System::nanoTime);
    }

    void before(Context ctx) {
        if (!hosts.answersFor(ctx.header("Host"), ctx.req().getLocalPort())) {
            throw new ApiException(421, "misdirected_request", "this server does not answer for that host name; it"
                    + " answers for " + hosts.list() + " (add names with --public-host)");
        }
        cors(ctx);
        if (ctx.method() == HandlerType.OPTIONS) {
            return;
        }
        if (!limiter.allow(ctx.ip())) {
            ctx.header("Retry-After", "1");
            throw new ApiException(429, "too_many_requests", "too many requests; slow down and retry");
        }
        boolean writes = ctx.method() == HandlerType.POST || ctx.method() == HandlerType.DELETE;
        if (writes && !sameSiteOrigin(ctx)) {
            throw new ApiException(403, "forbidden", "writes are only taken from this server's own page"
                    + " (the Origin header names another site)");
        }
        boolean api = ctx.path().startsWith("/api/") || ctx.path().equals("/metrics");
        if (options.token() != null && (writes || (api && !loopback(ctx.ip()))) && !tokenGiven(ctx, writes)) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ApiException(401, "unauthorized", "this request needs 'Authorization: Bearer TOKEN'");
        }
        if (writes && !json(ctx.header("Content-Type"))) {
            throw new ApiException(415, "unsupported_media_type", "send writes with 'Content-Type: application/json'");
        }
    }

    /** No Origin (curl, the CLI), the page's own origin, or the --cors one. */
    private boolean sameSiteOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        return origin == null || origin.equalsIgnoreCase("http://" + ctx.header("Host"))
                || origin.equals(options.corsOrigin());
    }

    private static boolean json(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return type.strip().toLowerCase(Locale.ROOT).equals("application/json");
    }

    private void cors(Context ctx) {
        String origin = ctx.header("Origin");
        if (options.corsOrigin() == null || origin == null || !origin.equals(options.corsOrigin())) {
            return;
        }
        ctx.header("Access-Control-Allow-Origin", origin);
        ctx.header("Vary", "Origin");
        if (ctx.method() == HandlerType.OPTIONS) {
            ctx.header("Access-Control-Allow-Methods", "GET, POST, DELETE, OPTIONS");
            ctx.header("Access-Control-Allow-Headers", "Authorization, Content-Type");
            ctx.header("Access-Control-Max-Age", "600");
            ctx.status(204);
        }
    }

    /**
     * The bearer header, or for reads the page's SameSite cookie, which its images and event streams carry since
     * they cannot send a header; writes need the header, which no other site's page can make a browser send.
     */
    private boolean tokenGiven(Context ctx, boolean writes) {
        String header = ctx.header("Authorization");
        if (header != null && header.startsWith("Bearer ")) {
            return matches(header.substring(7).strip());
        }
        String cookie = writes ? null : ctx.cookie(TOKEN_COOKIE);
        try {
            return cookie != null && matches(URLDecoder.decode(cookie, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private boolean matches(String token) {
        // Constant time, so the token cannot be guessed a character at a time.
        return MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                options.token().getBytes(StandardCharsets.UTF_8));
    }

    static boolean loopback(String ip) {
        try {
            return InetAddress.getByName(ip).isLoopbackAddress();
        } catch (UnknownHostException | SecurityException e) {
            return false;
        }
    }
}
