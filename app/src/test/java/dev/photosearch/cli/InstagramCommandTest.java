package dev.photosearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.photosearch.source.FakeInstagram;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code index instagram:USER} and {@code refresh} on the command line, against a fake Instagram. */
class InstagramCommandTest {

    static final String URL_PROPERTY = "photosearch.instagram.url";

    @TempDir
    Path home;

    FakeInstagram fake;

    CommandLineTest.Run run(String... args) {
        return CommandLineTest.runIn(home, args);
    }

    @BeforeEach
    void start() throws Exception {
        fake = new FakeInstagram("ann.photos");
        fake.publish(fake.image("P1", 1_600_000_000L, "Sailing boat on a calm lake", "May be an image of a boat"));
        fake.publish(fake.image("P2", 1_600_100_000L, "Birthday cake", ""));
        System.setProperty(URL_PROPERTY, fake.base().toString());
    }

    @AfterEach
    void stop() {
        System.clearProperty(URL_PROPERTY);
        fake.close();
    }

    @Test
    void indexCollectsThenRefreshRenewsAndNothingIsLost() throws Exception {
        fake.publish(fake.image("P2b", 1_600_150_000L, "Picnic", "")); // three posts: two pages
        String cookie = FakeInstagram.writeCookie(home).toString();
        CommandLineTest.Run first = run("index", "--request-delay", "0", "--instagram-cookies", cookie,
                "instagram:ann.photos");
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().contains("instagram:ann.photos: 3 new, 0 updated, 0 unchanged, 0 removed"), first.out());
        assertTrue(first.out().contains("3 new posts collected"), first.out());

        JsonNode hit = new ObjectMapper().readTree(run("search", "--json", "boat on a lake").out())
                .get("results").get(0);
        assertEquals("https://www.instagram.com/p/P1/", hit.get("permalink").asText());
        assertTrue(hit.has("thumbnail"), hit.toString());

        fake.publish(fake.image("P3", 1_700_000_000L, "Snowy mountains", ""));
        CommandLineTest.Run second = run("index", "--request-delay", "0", "instagram:ann.photos");
        assertTrue(second.out().contains("1 new, 0 updated, 3 unchanged, 0 removed"), second.out());

        fake.renewUrls("2");
        CommandLineTest.Run refresh = run("refresh", "--request-delay", "0");
        assertEquals(0, refresh.code(), refresh.err());
        assertTrue(refresh.out().contains("instagram:ann.photos: 4 posts fetched again, 0 no longer on Instagram"),
                refresh.out());
        assertTrue(refresh.out().contains("0 new, 4 updated, 0 unchanged, 0 removed"), refresh.out());
    }

    @Test
    void aRefreshThatCouldNotWriteThumbnailsSaysSoAndFails() throws Exception {
        assertEquals(0, run("index", "--request-delay", "0", "instagram:ann.photos").code());
        fake.renewUrls("2");
        Files.move(home.resolve("thumbnails"), home.resolve("thumbnails-before"));
        // A file where the folder should be: root can write into a read-only folder, but not into a file.
        Path blocker = Files.writeString(home.resolve("thumbnails"), "in the way");

        CommandLineTest.Run refresh = run("refresh", "--request-delay", "0");

        assertEquals(1, refresh.code(), refresh.out() + refresh.err());
        assertTrue(refresh.err().contains("2 thumbnail(s) could not be written in " + blocker), refresh.err());
    }

    @Test
    void aLoginWallOnAnEmptyCollectionFailsWithTheReason() {
        fake.script("/api/v1/users/web_profile_info/",
                FakeInstagram.Reply.of(302, "").withHeader("Location", "https://www.instagram.com/accounts/login/"));

        CommandLineTest.Run run = run("index", "--request-delay", "0", "instagram:ann.photos");

        assertEquals(1, run.code());
        assertTrue(run.err().contains("Instagram asks for a login"), run.err());
    }

    @Test
    void refreshWithNothingCollectedSaysWhatToDo() {
        CommandLineTest.Run run = run("refresh");

        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("photosearch index instagram:USERNAME"), run.out());
    }
}
