package dev.photosearch.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The official API for one's own account, against a fake Graph API. */
class InstagramApiTest {

    @TempDir
    Path home;

    FakeInstagram fake;

    @BeforeEach
    void start() throws IOException {
        fake = new FakeInstagram("me");
        fake.apiMedia("17841", "Aa1", "IMAGE", "Morning #coffee");
        fake.apiMedia("17842", "Bb2", "CAROUSEL_ALBUM", "Weekend", "17842001", "17842002");
        fake.apiMedia("17843", "Cc3", "VIDEO", "Surf");
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private InstagramCollectionSource open(CollectOptions options) throws IOException {
        return Sources.openCollection("instagram-api:", home, options);
    }

    @Test
    void collectsEveryPageWithCarouselChildrenAndVideoThumbnails() throws IOException {
        Scan scan = open(fake.options(50)).scan();

        Map<String, Photo> byPath = scan.photos().stream().collect(Collectors.toMap(Photo::path, Function.identity()));
        assertEquals(Set.of("Aa1", "Bb2", "Bb2/2", "Cc3"), byPath.keySet());
        Photo coffee = byPath.get("Aa1");
        assertEquals("instagram-api:me", coffee.source());
        assertEquals("Morning #coffee", coffee.caption());
        assertEquals("https://www.instagram.com/p/Aa1/", coffee.permalink());
        assertEquals(Instant.parse("2024-05-01T10:15:30Z"), coffee.takenAt());
        assertEquals(fake.base() + "/img/17842002.jpg?v=1",
                ((MediaLocation.Remote) byPath.get("Bb2/2").media()).url().toString());
        Photo surf = byPath.get("Cc3");
        assertTrue(surf.video());
        assertEquals(fake.base() + "/img/17843_thumb.jpg?v=1", ((MediaLocation.Remote) surf.media()).url().toString());
        assertEquals(2, fake.requestsTo("/me/media"), "two pages of two");
        assertTrue(Files.isRegularFile(home.resolve("collections/instagram-api/me/posts.jsonl")));
    }

    @Test
    void incrementalRunStopsAtTheNewestKnownMedia() throws IOException {
        open(fake.options(50)).scan();
        fake.apiMedia("17844", "Dd4", "IMAGE", "New");

        Scan scan = open(fake.options(50)).scan();

        assertEquals(5, scan.photos().size());
        assertEquals(3, fake.requestsTo("/me/media"), "one more page: Dd4 then the known Cc3");
    }

    @Test
    void anExpiredTokenIsExplainedInOneLineAndNeverShown() throws IOException {
        CollectOptions expired = new CollectOptions(fake.base(), fake.base(), fake.options(50).pacing(), null,
                "EAAG-expired-secret");

        CollectionStopped e = assertThrows(CollectionStopped.class, () -> open(expired).scan());

        assertEquals("the Instagram access token is expired or invalid (OAuthException 190): create a new"
                + " long-lived token and put it in INSTAGRAM_ACCESS_TOKEN", e.getMessage());
        assertFalse(e.getMessage().contains("secret"));
    }

    @Test
    void anExpiredTokenAfterSomePagesKeepsThem() throws IOException {
        open(fake.options(1)).scan(); // first page only
        fake.apiMedia("17844", "Dd4", "IMAGE", "New");
        CollectOptions expired = new CollectOptions(fake.base(), fake.base(), fake.options(50).pacing(), null, "old");

        Scan scan = open(expired).scan();

        assertEquals(3, scan.photos().size(), "Cc3 and the two Bb2 items stay");
        assertTrue(scan.notices().stream().anyMatch(n -> n.contains("OAuthException 190")), scan.notices().toString());
    }

    @Test
    void noTokenIsAClearError() {
        CollectOptions none = new CollectOptions(fake.base(), fake.base(), fake.options(50).pacing(), null, null);

        SourceException e = assertThrows(SourceException.class, () -> open(none));

        assertTrue(e.getMessage().contains("INSTAGRAM_ACCESS_TOKEN"), e.getMessage());
    }

    @Test
    void refreshRenewsUrlsAndCountsDeletedMedia() throws IOException {
        InstagramCollectionSource source = open(fake.options(50));
        source.scan();
        fake.renewUrls("2");

        InstagramCollectionSource.Refresh refresh = source.refresh();

        assertEquals(3, refresh.refreshed());
        assertNull(refresh.stopped());
        Photo coffee = source.storedOnly().scan().photos().stream().filter(p -> p.path().equals("Aa1")).findFirst()
                .orElseThrow();
        assertEquals(fake.base() + "/img/17841.jpg?v=2",
                assertInstanceOf(MediaLocation.Remote.class, coffee.media()).url().toString());
    }
}
