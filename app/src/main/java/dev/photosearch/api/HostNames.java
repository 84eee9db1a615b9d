package dev.photosearch.api;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The names the server answers for in the {@code Host} header: the loopback names, the address it is bound to and
 * the {@code --public-host} names, each with the server's port or without one. Any other name means a page whose
 * own name was made to resolve to this machine (DNS rebinding), so it is refused.
 */
final class HostNames {

    private static final Set<String> WILDCARDS = Set.of("0.0.0.0", "::", "[::]", "*");

    private final Set<String> names = new LinkedHashSet<>();

    HostNames(ServerOptions options) {
        names.add("127.0.0.1");
        names.add("localhost");
        names.add("[::1]");
        if (!WILDCARDS.contains(options.host())) {
            names.add(bracketed(options.host()));
        }
        options.publicHosts().forEach(name -> names.add(bracketed(name)));
    }

    /** Whether {@code hostHeader} names this server on {@code port}; a request without a Host header is not a page's. */
    boolean answersFor(String hostHeader, int port) {
        if (hostHeader == null) {
            return true;
        }
        String host = hostHeader.strip().toLowerCase(Locale.ROOT);
        int colon = host.lastIndexOf(':');
        if (colon > host.lastIndexOf(']')) {
            if (!host.substring(colon + 1).equals(Integer.toString(port))) {
                return false;
            }
            host = host.substring(0, colon);
        }
        return names.contains(host);
    }

    /** The names allowed, for the refusal's message. */
    String list() {
        return String.join(", ", names);
    }

    private static String bracketed(String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        return lower.contains(":") && !lower.startsWith("[") ? "[" + lower + "]" : lower;
    }
}
