package dev.photosearch.api;

/**
 * How the server listens and whom it lets in.
 *
 * @param host          address to bind; loopback unless asked otherwise
 * @param port          TCP port; 0 picks a free one
 * @param token         when set, POST requests and non-loopback clients must send {@code Authorization: Bearer token}
 * @param corsOrigin    when set, the one origin allowed to call the API from another site's pages
 * @param ratePerSecond requests each client may make per second on average
 * @param burst         requests a client may make at once before being slowed
 */
public record ServerOptions(String host, int port, String token, String corsOrigin, double ratePerSecond,
        int burst) {

    public static final String LOOPBACK = "127.0.0.1";

    public ServerOptions {
        host = host == null || host.isBlank() ? LOOPBACK : host;
        token = token == null || token.isBlank() ? null : token;
        corsOrigin = corsOrigin == null || corsOrigin.isBlank() ? null : corsOrigin;
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535");
        }
        if (ratePerSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("the rate limit must be positive");
        }
    }

    /** {@code host}:{@code port}, no token, no CORS, 50 requests per second per client with bursts of 100. */
    public static ServerOptions of(String host, int port) {
        return new ServerOptions(host, port, null, null, 50, 100);
    }

    /** Loopback on {@code port}, otherwise as {@link #of}. */
    public static ServerOptions local(int port) {
        return of(LOOPBACK, port);
    }

    /** True when the server listens on this machine only. */
    public boolean loopbackOnly() {
        return host.equals("localhost") || AccessControl.loopback(host);
    }

    public ServerOptions withToken(String value) {
        return new ServerOptions(host, port, value, corsOrigin, ratePerSecond, burst);
    }

    public ServerOptions withRate(double perSecond, int maxBurst) {
        return new ServerOptions(host, port, token, corsOrigin, perSecond, maxBurst);
    }

    public ServerOptions withCors(String origin) {
        return new ServerOptions(host, port, token, origin, ratePerSecond, burst);
    }
}
