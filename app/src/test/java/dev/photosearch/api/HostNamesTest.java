package dev.photosearch.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Host names a server answers for, with --host and --public-host. */
class HostNamesTest {

    @Test
    void aServerOnAllAddressesAnswersForLoopbackAndItsPublicNamesOnly() {
        HostNames names = new HostNames(ServerOptions.of("0.0.0.0", 0)
                .withPublicHosts(List.of("Photos.LAN", "192.168.1.5", "fe80::1")));
        for (String host : new String[] {"photos.lan:7070", "photos.lan", "PHOTOS.LAN:7070", "192.168.1.5:7070",
            "[fe80::1]:7070", "[fe80::1]", "localhost:7070", "127.0.0.1", "[::1]:7070"}) {
            assertTrue(names.answersFor(host, 7070), host);
        }
        for (String host : new String[] {"photos.lan:7071", "0.0.0.0:7070", "evil.example:7070", "photos.lan.:7070",
            "lan:7070", "192.168.1.6:7070", "localhost:", "[fe80::2]:7070", ""}) {
            assertFalse(names.answersFor(host, 7070), host);
        }
    }

    @Test
    void aServerBoundToOneAddressAnswersForThatAddress() {
        HostNames names = new HostNames(ServerOptions.of("192.168.1.5", 0));
        assertTrue(names.answersFor("192.168.1.5:8080", 8080));
        assertFalse(names.answersFor("photos.lan:8080", 8080));
        assertTrue(names.list().contains("192.168.1.5"));
    }
}
