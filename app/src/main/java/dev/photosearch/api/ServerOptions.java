package dev.photosearch.api;

import java.nio.file.Path;
import java.util.List;

/**
 * How the server listens and whom it lets in.
 *
 * @param host          address to bind; loopback unless asked otherwise
 * @param port          TCP port; 0 picks a free one
 * @param token         when set, writes and API calls from other machines must send {@code Authorization: Bearer token}
 * @param corsOrigin    when set, the one origin allowed to call the API from another site's pages
 * @param ratePerSecond requests each client may make per second on average
 * @param burst         requests a client may make at once before being slowed
 * @param publicHosts   Host names the server also answers for, beside loopback ones (for a {@code host} that is not
 *                      loopback)
 * @param allowRoots    folders under which sources may be added over the API when the server is reachable from other
 *                      machines
 */
public record ServerOptions(String host, int port, String token, String corsOrigin, double ratePerSecond,
        int burst, List<String> publicHosts, List<Path> allowRoots) {

    public static final String LOOPBACK = "127.0.0.1";

    public ServerOptions {
        host = host == null || host.isBlank() ? LOOPBACK : host;
        token = token == null || token.isBlank() ? null : token;
        corsOrigin = corsOrigin == null || corsOrigin.isBlank() ? null : corsOrigin;
        publicHosts = publicHosts == null ? List.of() : List.copyOf(publicHosts);
        allowRoots = allowRoots == null ? List.of()
                : allowRoots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535");
        }
        if (ratePerSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("the rate limit must be positive");
        }
    }

    /** {@code host}:{@code port}, no token, no CORS, 50 requests per second per client with bursts of 100. */
    public static ServerOptions of(String host, int port) {
        return new ServerOptions(host, port, null, null, 50, 100, List.of(), List.of());
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
        return new ServerOptions(host, port, value, corsOrigin, ratePerSecond, burst, publicHosts, allowRoots);
    }

    public ServerOptions withRate(double perSecond, int maxBurst) {
        return new ServerOptions(host, port, token, corsOrigin, perSecond, maxBurst, publicHosts, allowRoots);
    }

    public ServerOptions withCors(String origin) {
        return new ServerOptions(host, port, token, origin, ratePerSecond, burst, publicHosts, allowRoots);
    }

    public ServerOptions withPublicHosts(List<String> names) {
        return new ServerOptions(host, port, token, corsOrigin, ratePerSecond, burst, names, allowRoots);
    }

    public ServerOptions withAllowRoots(List<Path> roots) {
        return new ServerOptions(host, port, token, corsOrigin, ratePerSecond, burst, publicHosts, roots);
    }
}
