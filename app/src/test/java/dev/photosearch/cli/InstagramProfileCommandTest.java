package dev.photosearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.photosearch.source.FakeInstagram;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 40-post profile collected and indexed from the command line with a session cookie, against the fake Instagram
 * written from the documented field paths; then a second run, a search by alt text, and an unreachable Instagram.
 */
class InstagramProfileCommandTest {

    @TempDir
    Path home;

    FakeInstagram fake;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeInstagram("ann.photos");
        fake.publishFortyPosts();
        fake.pageSize(12);
        System.setProperty(InstagramCommandTest.URL_PROPERTY, fake.base().toString());
    }

    @AfterEach
    void stop() {
        System.clearProperty(InstagramCommandTest.URL_PROPERTY);
        fake.close();
    }

    CommandLineTest.Run run(String... args) {
        return CommandLineTest.runIn(home, args);
    }

    @Test
    void fortyPostsAreIndexedOnceEachFoundByAltTextAndASecondRunAddsTheThreeNewOnes() throws Exception {
        CommandLineTest.Run first = run("index", "--request-delay", "0", "--instagram-cookies",
                FakeInstagram.writeCookie(home).toString(), "instagram:ann.photos");

        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().contains("instagram:ann.photos: " + FakeInstagram.FORTY_POSTS_PHOTOS
                + " new, 0 updated, 0 unchanged, 0 removed"), first.out());
        assertTrue(first.out().contains("40 new posts collected"), first.out());
        JsonNode hit = new ObjectMapper().readTree(run("search", "--json", "red bicycle against a yellow wall").out())
                .get("results").get(0);
        assertEquals("https://www.instagram.com/p/C13/", hit.get("permalink").asText(), hit.toString());

        for (int i = 1; i <= 3; i++) {
            fake.publish(fake.image("N" + i, 1_700_000_000L + i, "New post " + i, ""));
        }
        CommandLineTest.Run second = run("index", "--request-delay", "0", "instagram:ann.photos");

        assertEquals(0, second.code(), second.err());
        assertTrue(second.out().contains("3 new, 0 updated, " + FakeInstagram.FORTY_POSTS_PHOTOS + " unchanged,"
                + " 0 removed"), second.out());
        assertTrue(second.out().contains("3 new posts collected"), second.out());
    }

    @Test
    void anUnreachableInstagramFailsWithOneLineAndLeavesTheIndexAlone() throws Exception {
        run("index", "--request-delay", "0", "--instagram-cookies", FakeInstagram.writeCookie(home).toString(),
                "instagram:ann.photos");
        String before = run("search", "--json", "--limit", "100", "day").out();
        int refusedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            refusedPort = socket.getLocalPort();
        }
        for (String[] unreachable : new String[][] {
                {"http://www.instagram.invalid", "cannot reach www.instagram.invalid: unknown host"},
                {"http://127.0.0.1:" + refusedPort, "cannot reach 127.0.0.1: connection refused"}}) {
            System.setProperty(InstagramCommandTest.URL_PROPERTY, unreachable[0]);

            CommandLineTest.Run run = run("index", "--request-delay", "0", "instagram:ann.photos");

            assertEquals(1, run.code());
            // notes on optional programs missing from this machine aside, the error is one line
            assertEquals(List.of("photosearch: instagram:ann.photos: " + unreachable[1]), run.err().lines()
                    .filter(line -> !line.startsWith("photosearch: note:")).toList());
            assertEquals("", run.out().strip(), "no summary: nothing was indexed");
        }
        ObjectMapper json = new ObjectMapper();
        JsonNode after = json.readTree(run("search", "--json", "--limit", "100", "day").out());
        assertEquals(json.readTree(before).get("results"), after.get("results"), "the index is as it was");
        assertEquals(FakeInstagram.FORTY_POSTS_PHOTOS, after.get("candidates").asInt());
    }
}
