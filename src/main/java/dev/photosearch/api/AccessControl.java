package dev.photosearch.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Runs before every request: the rate limit per client, the bearer token (required for POST and for clients that
 * are not on this machine, when the server has one) and CORS (only for the one origin given with --cors).
 */
final class AccessControl {

    private final ServerOptions options;
    private final RateLimiter limiter;

    AccessControl(ServerOptions options) {
        this.options = options;
        this.limiter = new RateLimiter(options.ratePerSecond(), options.burst(), System::nanoTime);
    }

    void before(Context ctx) {
        cors(ctx);
        if (ctx.method() == HandlerType.OPTIONS) {
            return;
        }
        if (!limiter.allow(ctx.ip())) {
            ctx.header("Retry-After", "1");
            throw new ApiException(429, "too_many_requests", "too many requests; slow down and retry");
        }
        boolean writes = ctx.method() == HandlerType.POST || ctx.method() == HandlerType.DELETE;
        if (options.token() != null && (writes || !loopback(ctx.ip()))
                && !tokenMatches(ctx.header("Authorization"))) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ApiException(401, "unauthorized", "this request needs 'Authorization: Bearer TOKEN'");
        }
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

    private boolean tokenMatches(String header) {
        if (header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        // Constant time, so the token cannot be guessed a character at a time.
        return MessageDigest.isEqual(header.substring(7).strip().getBytes(StandardCharsets.UTF_8),
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
