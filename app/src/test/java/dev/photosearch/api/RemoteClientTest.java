package dev.photosearch.api;

import static dev.photosearch.api.ApiServerTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server bound to this machine's network address, called from that address, so the client is not loopback: the
 * token guards the API but not the page, and sources are only taken under --allow-root.
 */
class RemoteClientTest {

    static final String TOKEN = "remote-token";

    @TempDir
    Path dir;

    static Optional<String> networkAddress() throws SocketException {
        return NetworkInterface.networkInterfaces().filter(RemoteClientTest::up)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .map(InetAddress::getHostAddress).findFirst();
    }

    private static boolean up(NetworkInterface network) {
        try {
            return network.isUp();
        } catch (SocketException e) {
            return false;
        }
    }

    HttpResponse<String> get(TestServer server, String base, String path, String header, String value)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (header != null) {
            request.header(header, value);
        }
        return server.send(request.build());
    }

    HttpResponse<String> post(TestServer server, String base, Path source) throws Exception {
        return server.send(HttpRequest.newBuilder(URI.create(base + "/api/sources"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(JobRunnerTest.body(source))).build());
    }

    @Test
    void fromAnotherAddressThePageIsFreeTheApiNeedsTheTokenAndSourcesAnAllowedRoot() throws Exception {
        Optional<String> address = networkAddress();
        assumeTrue(address.isPresent(), "this machine has no network address but loopback: test skipped");
        Path allowed = Files.createDirectories(dir.resolve("allowed"));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        ServerOptions options = ServerOptions.of(address.get(), 0).withToken(TOKEN)
                .withAllowRoots(List.of(allowed));
        try (TestServer server = TestServer.empty(dir.resolve("home"), options)) {
            String base = "http://" + address.get() + ":" + server.server.port();
            if (ApiServer.class.getResource("/web/index.html") != null) {
                assertEquals(200, get(server, base, "/", null, null).statusCode(), "the page needs no token");
            }
            assertError(get(server, base, "/api/health", null, null), 401);
            assertError(get(server, base, "/metrics", null, null), 401);
            assertEquals(200, get(server, base, "/api/health", "Authorization", "Bearer " + TOKEN).statusCode());
            assertEquals(200, get(server, base, "/api/health", "Cookie", "photosearch_token=" + TOKEN)
                    .statusCode(), "the page's cookie carries the token for reads");
            HttpResponse<String> refused = post(server, base, elsewhere);
            assertError(refused, 403);
            assertTrue(refused.body().contains("--allow-root"), refused.body());
            assertEquals(202, post(server, base, allowed).statusCode());
        }
        try (TestServer open = TestServer.empty(dir.resolve("home2"), ServerOptions.of(address.get(), 0)
                .withToken(TOKEN))) {
            String base = "http://" + address.get() + ":" + open.server.port();
            HttpResponse<String> none = post(open, base, allowed);
            assertError(none, 403);
            assertTrue(none.body().contains("none was given"), none.body());
        }
    }
}
