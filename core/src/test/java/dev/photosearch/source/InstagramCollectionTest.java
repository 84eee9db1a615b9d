package dev.photosearch.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.photosearch.source.FakeInstagram.Reply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Collecting a profile from a fake Instagram (see {@link FakeInstagram}), logged in unless a test says otherwise:
 * pages of the v1 feed, metadata, incremental runs, resuming, stops, refresh, the session cookie.
 */
class InstagramCollectionTest {

    @TempDir
    Path home;

    /** The second page of the feed, whose cursor names the third post. */
    static final String FEED_PAGE_2 = "/api/v1/feed/user/1234567890/?count=12&max_id=QVFEP3";

    FakeInstagram fake;

    @BeforeEach
    void start() throws IOException {
        fake = new FakeInstagram("ann.photos");
        fake.publish(fake.image("P1", 1_600_000_000L, "First light #sunrise", "Photo by Ann. May be an image of a lake."));
        fake.publish(fake.carousel("P2", 1_600_100_000L, "Trip with @bob", "P2a", "P2bv", "P2c"));
        fake.publish(fake.video("P3", 1_600_200_000L, "Waves"));
        fake.publish(fake.image("P4", 1_600_300_000L, "Lunch", "May be an image of food"))
                .putObject("location").put("id", "123").put("name", "Lyon, France").put("slug", "lyon-france");
        fake.publish(fake.image("P5", 1_600_400_000L, "Cat on the sofa", "May be an image of a cat"));
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private InstagramCollectionSource open(int budget) throws IOException {
        return Sources.openCollection("instagram:ann.photos", home, fake.loggedIn(budget, home));
    }

    /** A collection without a login, in a home of its own (a login kept in {@code home} would be used). */
    private InstagramCollectionSource anonymous(Path dir, int budget) throws IOException {
        return Sources.openCollection("instagram:ann.photos", dir, fake.options(budget));
    }

    private Path store() {
        return home.resolve("collections/instagram/ann.photos");
    }

    private List<String> storedKeys() throws IOException {
        String text = new String(Files.readAllBytes(store().resolve("posts.jsonl")), java.nio.charset.StandardCharsets.UTF_8);
        return text.lines().map(InstagramCollectionTest::key)
                .filter(key -> key != null).toList();
    }

    /** The key of a stored line; null for a line cut short. */
    private static String key(String line) {
        try {
            return FakeInstagram.JSON.readTree(line).path("key").asText();
        } catch (IOException e) {
            return null;
        }
    }

    private static Set<String> shortcodes(Scan scan) {
        return scan.photos().stream().map(p -> p.metadata().get("shortcode")).collect(Collectors.toSet());
    }

    @Test
    void collectsEveryPageWithCarouselsVideosAndMetadata() throws IOException {
        Scan scan = open(50).scan();

        Map<String, Photo> byPath = scan.photos().stream().collect(Collectors.toMap(Photo::path, Function.identity()));
        assertEquals(Set.of("P1", "P2", "P2/2", "P2/3", "P3", "P4", "P5"), byPath.keySet());
        Photo first = byPath.get("P1");
        assertEquals("instagram:ann.photos", first.source());
        assertEquals("First light #sunrise", first.caption());
        assertEquals(List.of("sunrise"), first.hashtags());
        assertEquals("Photo by Ann. May be an image of a lake.", first.altText());
        assertEquals(Instant.ofEpochSecond(1_600_000_000L), first.takenAt());
        assertEquals("https://www.instagram.com/p/P1/", first.permalink());
        assertEquals("42", first.metadata().get("likes"));
        assertEquals("3", first.metadata().get("comments"));
        MediaLocation.Remote url = assertInstanceOf(MediaLocation.Remote.class, first.media());
        assertEquals(fake.base() + "/img/P1.jpg?v=1", url.url().toString());
        assertEquals("Lyon, France", byPath.get("P4").place());
        assertEquals(List.of("bob"), byPath.get("P2/2").mentions());
        assertEquals("Photo of P2bv", byPath.get("P2/2").altText());
        assertTrue(byPath.get("P2/2").video(), "carousel video child");
        assertFalse(byPath.get("P2/3").video());
        assertTrue(byPath.get("P3").video());
        assertTrue(((MediaLocation.Remote) byPath.get("P3").media()).url().getPath().endsWith(".jpg"),
                "a video stands by its thumbnail");

        // the id from web_profile_info, then three feed pages of two posts, each with the web app's header
        assertEquals(List.of("/api/v1/users/web_profile_info/", "/api/v1/feed/user/1234567890/",
                "/api/v1/feed/user/1234567890/", "/api/v1/feed/user/1234567890/"),
                fake.requests().stream().map(FakeInstagram.Request::path).toList());
        assertTrue(fake.requests().stream().allMatch(r -> r.headers().containsKey("x-ig-app-id")));
        assertEquals(List.of("P5", "P4", "P3", "P2", "P1"), storedKeys());
        JsonNode state = FakeInstagram.JSON.readTree(store().resolve("state.json").toFile());
        assertEquals(0, state.path("passes").size());
        assertEquals(FakeInstagram.USER_ID, state.path("user_id").asText(), "the id is kept for later runs");
    }

    @Test
    void progressIsToldAfterEachPageStored() throws IOException {
        List<String> told = new ArrayList<>();
        Sources.openCollection("instagram:ann.photos", home, fake.loggedIn(50, home)
                .withProgress((account, posts, requests) -> told.add(account + " " + posts + " " + requests))).scan();

        assertEquals(List.of("instagram:ann.photos 2 2", "instagram:ann.photos 4 3", "instagram:ann.photos 5 4"),
                told);
    }

    @Test
    void secondRunStopsAtTheNewestKnownPostAndKeepsTheOldOnes() throws IOException {
        open(50).scan();
        fake.publish(fake.image("N1", 1_700_000_000L, "New one", ""));
        fake.publish(fake.image("N2", 1_700_100_000L, "Newer one", ""));
        fake.publish(fake.image("N3", 1_700_200_000L, "Newest", ""));
        fake.delete("P3");
        int before = fake.requests().size();

        Scan scan = open(50).scan();

        // the id is kept; page 1: N3 N2, page 2: N1 P5 -> P5 is known, stop
        assertEquals(2, fake.requests().size() - before, "no lookup of the id");
        assertEquals(Set.of("P1", "P2", "P3", "P4", "P5", "N1", "N2", "N3"), shortcodes(scan),
                "a post deleted on Instagram stays");
        assertEquals(List.of("P5", "P4", "P3", "P2", "P1", "N3", "N2", "N1"), storedKeys());
        assertTrue(scan.notices().stream().anyMatch(n -> n.contains("3 new posts collected")), scan.notices().toString());
    }

    @Test
    void aPinnedKnownPostDoesNotEndTheWalk() throws IOException {
        open(50).scan();
        fake.delete("P1");
        fake.publish(fake.image("N1", 1_700_000_000L, "New", ""));
        FakeInstagram.pin(fake.publish(fake.image("P1", 1_600_000_000L, "First light #sunrise", "")));

        Scan scan = open(50).scan();

        assertTrue(shortcodes(scan).contains("N1"));
        assertEquals(6, new HashSet<>(storedKeys()).size());
    }

    @Test
    void anOldPinnedPostInTheOlderShapeDoesNotEndTheWalkEither() throws IOException {
        open(50).scan();
        fake.delete("P1");
        fake.publish(fake.image("N1", 1_700_000_000L, "New", ""));
        fake.publish(fake.image("P1", 1_600_000_000L, "First light", "")).putArray("pinned_for_users")
                .addObject().put("id", FakeInstagram.USER_ID);

        Scan scan = open(50).scan();

        assertTrue(shortcodes(scan).contains("N1"));
        assertEquals(List.of("P5", "P4", "P3", "P2", "P1", "N1"), storedKeys(), "P1 is not stored twice");
    }

    @Test
    void spentBudgetStopsCleanlyAndTheNextRunResumesFromTheCursor() throws IOException {
        Scan partial = open(3).scan();

        assertEquals(Set.of("P5", "P4", "P3", "P2"), shortcodes(partial), "what was collected is indexed now");
        assertTrue(partial.notices().stream().anyMatch(n -> n.contains("request budget of this run (3) is spent")),
                partial.notices().toString());
        JsonNode state = FakeInstagram.JSON.readTree(store().resolve("state.json").toFile());
        assertEquals("QVFEP1", state.path("passes").get(0).path("cursor").asText());

        fake.publish(fake.image("N1", 1_700_000_000L, "Posted in between", ""));
        Scan rest = open(50).scan();

        assertEquals(Set.of("N1", "P5", "P4", "P3", "P2", "P1"), shortcodes(rest));
        List<String> keys = storedKeys();
        assertEquals(keys.size(), new HashSet<>(keys).size(), "no post stored twice: " + keys);
        assertEquals(6, keys.size());
        assertEquals(0, FakeInstagram.JSON.readTree(store().resolve("state.json").toFile()).path("passes").size());
    }

    @Test
    void aRunInterruptedAmongNewPostsFillsTheGapNextTime() throws IOException {
        open(50).scan();
        for (int i = 1; i <= 5; i++) {
            fake.publish(fake.image("N" + i, 1_700_000_000L + i, "new " + i, ""));
        }

        open(2).scan(); // N5 N4, N3 N2 then the budget is spent
        fake.publish(fake.image("M1", 1_800_000_000L, "later", ""));
        open(50).scan();

        List<String> keys = storedKeys();
        assertEquals(Set.of("P1", "P2", "P3", "P4", "P5", "N1", "N2", "N3", "N4", "N5", "M1"), new HashSet<>(keys));
        assertEquals(11, keys.size());
    }

    @Test
    void aServerFailingMidPaginationLosesNothingAndTheNextRunContinues() throws IOException {
        fake.script(FEED_PAGE_2, Reply.of(200, "{\"items\": [{\"code\": \"P3"));

        Scan partial = open(50).scan();

        assertEquals(Set.of("P5", "P4"), shortcodes(partial));
        assertTrue(partial.notices().stream().anyMatch(n -> n.contains("not JSON")), partial.notices().toString());

        Scan rest = open(50).scan();
        assertEquals(Set.of("P1", "P2", "P3", "P4", "P5"), shortcodes(rest));
        assertEquals(5, storedKeys().size());
    }

    @Test
    void aCrashBetweenSavingPostsAndCursorDuplicatesNothing() throws IOException {
        open(2).scan(); // P5 P4 P3 P2 stored, cursor at P1
        // as if the run had died after storing page 2 but before saving its cursor, and mid-way through a line
        Files.writeString(store().resolve("state.json"), "{\"passes\":[{\"cursor\":\"QVFEP3\",\"known_below\":0}]}");
        byte[] cutInsideAnEmoji = java.util.Arrays.copyOf("{\"key\":\"P1\",\"post\":{\"text\":\"\uD83D\uDE00".getBytes(
                java.nio.charset.StandardCharsets.UTF_8), 30);
        Files.write(store().resolve("posts.jsonl"), cutInsideAnEmoji, java.nio.file.StandardOpenOption.APPEND);

        Scan scan = open(50).scan();

        assertEquals(Set.of("P1", "P2", "P3", "P4", "P5"), shortcodes(scan));
        assertTrue(scan.notices().stream().anyMatch(n -> n.contains("1 damaged lines")), scan.notices().toString());
        assertEquals(List.of("P5", "P4", "P3", "P2", "P1"), storedKeys());
    }

    @Test
    void tooManyRequestsIsRetriedThenSucceeds() throws IOException {
        fake.script("/api/v1/users/web_profile_info/", Reply.of(429, "").withHeader("Retry-After", "0"),
                Reply.of(400, "{\"message\":\"Please wait a few minutes before you try again.\",\"status\":\"fail\"}"));

        Scan scan = open(50).scan();

        assertEquals(5, shortcodes(scan).size());
        assertEquals(3, fake.requestsTo("/api/v1/users/web_profile_info/"));
    }

    @Test
    void rateLimitOutlastingTheRetriesStopsCleanly() throws IOException {
        fake.script(FEED_PAGE_2, Reply.of(429, ""), Reply.of(429, ""), Reply.of(429, ""));

        Scan scan = open(50).scan();

        assertEquals(Set.of("P5", "P4"), shortcodes(scan));
        assertTrue(scan.notices().stream().anyMatch(n -> n.contains("Instagram limits the requests")),
                scan.notices().toString());
    }

    @Test
    void loginWallStopsCleanlyKeepingWhatWasCollected() throws IOException {
        fake.script(FEED_PAGE_2, Reply.of(302, "").withHeader("Location", "https://www.instagram.com/accounts/login/"));

        Scan scan = open(50).scan();

        assertEquals(Set.of("P5", "P4"), shortcodes(scan));
        String notice = String.join("\n", scan.notices());
        assertTrue(notice.contains("asks for a login") && notice.contains("cookie given was refused"), notice);
        assertFalse(notice.contains("Pass a session cookie"), "a cookie was passed: " + notice);
        assertEquals(1, FakeInstagram.JSON.readTree(store().resolve("state.json").toFile()).path("passes").size());
    }

    @Test
    void loginWallBeforeAnythingIsCollectedIsAClearError() throws IOException {
        int run = 0;
        for (Reply wall : List.of(
                Reply.of(401, "{\"message\":\"Please wait a few minutes\",\"require_login\":true,\"status\":\"fail\"}"),
                Reply.of(200, "{\"require_login\":true,\"status\":\"fail\"}"))) {
            fake.script("/api/v1/users/web_profile_info/", wall);

            Path emptyHome = home.resolve("home" + run++);
            CollectionStopped e = assertThrows(CollectionStopped.class,
                    () -> Sources.openCollection("instagram:ann.photos", emptyHome, fake.options(50)).scan());

            assertTrue(e.getMessage().contains("asks for a login") && e.getMessage().contains("--instagram-cookies"),
                    e.getMessage());
        }
    }

    @Test
    void aChallengeStopsTheRunAndSaysWhich() throws IOException {
        open(50).scan();
        fake.publish(fake.image("N1", 1_700_000_000L, "New", ""));
        for (String kind : List.of("challenge_required", "checkpoint_required", "feedback_required")) {
            fake.script("/api/v1/feed/user/", Reply.of(400, "{\"message\":\"" + kind + "\",\"status\":\"fail\"}"));

            Scan scan = open(50).scan();

            String notice = String.join("\n", scan.notices());
            assertTrue(notice.contains("Instagram stopped the run with " + kind), notice);
        }
        fake.script("/api/v1/feed/user/", Reply.of(302, "").withHeader("Location", "https://www.instagram.com/challenge/?next=/"));
        assertTrue(String.join("\n", open(50).scan().notices()).contains("stopped the run with a challenge page"));
    }

    @Test
    void aRedirectToTheHomePageIsALoginWall() throws IOException {
        fake.script("/api/v1/users/web_profile_info/", Reply.of(302, "").withHeader("Location", "https://www.instagram.com/"));

        CollectionStopped e = assertThrows(CollectionStopped.class, () -> anonymous(home, 50).scan());

        assertTrue(e.getMessage().contains("asks for a login (redirected to /)"), e.getMessage());
    }

    @Test
    void aLongRetryAfterIsHonouredByStoppingNotHammering() throws IOException {
        open(50).scan();
        fake.publish(fake.image("N1", 1_700_000_000L, "New", ""));
        fake.script("/api/v1/feed/user/", Reply.of(429, "").withHeader("Retry-After", "3600"));
        int before = fake.requests().size();

        Scan scan = open(50).scan();

        assertTrue(scan.notices().stream().anyMatch(n -> n.contains("asked to wait 3600 s")), scan.notices().toString());
        assertEquals(1, fake.requests().size() - before);
    }

    @Test
    void privateProfileWithoutLoginSaysSo() {
        fake.privateProfile(true);

        CollectionStopped e = assertThrows(CollectionStopped.class, () -> anonymous(home, 50).scan());

        assertTrue(e.getMessage().contains("@ann.photos is private"), e.getMessage());
    }

    @Test
    void unknownProfileAndBadUsername() throws IOException {
        SourceException unknown = assertThrows(SourceException.class,
                () -> Sources.openCollection("instagram:nobody", home, fake.options(50)).scan());
        assertEquals("Instagram has no profile named \"nobody\"", unknown.getMessage());

        SourceException bad = assertThrows(SourceException.class,
                () -> Sources.openCollection("instagram:../etc", home, fake.options(50)));
        assertTrue(bad.getMessage().contains("is not an Instagram username"), bad.getMessage());
        assertFalse(Files.exists(home.resolve("collections/etc")));
    }

    @Test
    void slowServerTimesOutWithAClearMessage() {
        CollectOptions slow = new CollectOptions(fake.base(), fake.base(), new Pacing(50, java.time.Duration.ZERO,
                java.time.Duration.ZERO, 1, java.time.Duration.ZERO, java.time.Duration.ofSeconds(1),
                java.time.Duration.ofMillis(200)), null, null);
        fake.script("/api/v1/users/web_profile_info/", Reply.slow(java.time.Duration.ofSeconds(2)),
                Reply.slow(java.time.Duration.ofSeconds(2)));

        SourceException e = assertThrows(SourceException.class,
                () -> Sources.openCollection("instagram:ann.photos", home, slow).scan());

        assertTrue(e.getMessage().contains("did not answer within"), e.getMessage());
    }

    @Test
    void refreshWalksTheFeedAgainAndAsksForPostsItDidNotMeetOneByOne() throws IOException {
        open(50).scan();
        fake.renewUrls("2");
        String deletedPk = fake.requests().isEmpty() ? "" : pkOf("P4");
        fake.delete("P4");
        int before = fake.requests().size();

        InstagramCollectionSource.Refresh refresh = open(50).refresh();

        assertEquals(4, refresh.refreshed());
        assertEquals(1, refresh.deleted());
        assertNull(refresh.stopped());
        assertEquals(6, refresh.photoIds().size(), "P1, P2 x3, P3, P5");
        assertEquals(List.of("/api/v1/feed/user/1234567890/", "/api/v1/feed/user/1234567890/",
                "/api/v1/media/" + deletedPk + "/info/"),
                fake.requests().subList(before, fake.requests().size()).stream().map(FakeInstagram.Request::path)
                        .toList(), "two pages of four posts, then the missing one by its id");
        Scan scan = open(50).storedOnly().scan();
        Map<String, Photo> byPath = scan.photos().stream().collect(Collectors.toMap(Photo::path, Function.identity()));
        assertEquals(fake.base() + "/img/P2c.jpg?v=2", ((MediaLocation.Remote) byPath.get("P2/3").media()).url().toString());
        assertEquals(fake.base() + "/img/P4.jpg?v=1", ((MediaLocation.Remote) byPath.get("P4").media()).url().toString());
        assertEquals(7, byPath.size());
    }

    @Test
    void refreshWithASmallBudgetRenewsTheNewestAndSaysWhyItStopped() throws IOException {
        open(50).scan();
        fake.renewUrls("2");

        InstagramCollectionSource.Refresh first = open(2).refresh();

        assertEquals(4, first.refreshed(), "two pages of two");
        assertTrue(first.stopped().contains("budget"), first.stopped());
        Map<String, Photo> byPath = open(50).storedOnly().scan().photos().stream()
                .collect(Collectors.toMap(Photo::path, Function.identity()));
        assertTrue(((MediaLocation.Remote) byPath.get("P2").media()).url().toString().endsWith("v=2"));
        assertTrue(((MediaLocation.Remote) byPath.get("P1").media()).url().toString().endsWith("v=1"));
    }

    @Test
    void refreshWithoutALoginRenewsTheNewestPageAndSaysTheRestNeedsOne() throws IOException {
        open(50).scan();
        Files.delete(home.resolve("collections/instagram/.session-cookie")); // logged out
        fake.renewUrls("2");

        InstagramCollectionSource.Refresh refresh = anonymous(home, 50).refresh();

        assertEquals(2, refresh.refreshed());
        assertTrue(refresh.stopped().contains("only the newest posts"), refresh.stopped());
    }

    /** The media id of a stored post. */
    private String pkOf(String shortcode) throws IOException {
        for (String line : Files.readAllLines(store().resolve("posts.jsonl"))) {
            JsonNode entry = FakeInstagram.JSON.readTree(line);
            if (entry.path("key").asText().equals(shortcode)) {
                return entry.path("post").path("pk").asText();
            }
        }
        throw new AssertionError(shortcode + " is not stored");
    }

    @Test
    void storedOnlyAsksInstagramForNothing() throws IOException {
        open(50).scan();
        int before = fake.requests().size();

        assertEquals(7, open(50).storedOnly().scan().photos().size());
        assertEquals(before, fake.requests().size());
    }

    @Test
    void sessionCookieIsSentKeptPrivateAndNeverPrinted() throws IOException {
        Path file = home.resolve("cookies.txt");
        Files.writeString(file, "# Netscape HTTP Cookie File\n"
                + ".instagram.com\tTRUE\t/\tTRUE\t0\tsessionid\tSECRET123\n"
                + ".instagram.com\tTRUE\t/\tTRUE\t0\tcsrftoken\tcsrf9\n"
                + ".example.com\tTRUE\t/\tTRUE\t0\tother\tnope\n");
        SessionCookie cookie = SessionCookie.read(file);
        CollectOptions options = fake.options(50).withCookie(cookie);

        Sources.openCollection("instagram:ann.photos", home, options).scan();

        assertEquals("sessionid=SECRET123; csrftoken=csrf9", fake.requests().get(0).headers().get("cookie"));
        assertTrue(fake.requests().stream().skip(1).allMatch(r -> ("sessionid=SECRET123; csrftoken="
                + FakeInstagram.ROTATED_CSRF).equals(r.headers().get("cookie"))), "the csrftoken the server set");
        assertFalse(cookie.toString().contains("SECRET") || options.toString().contains("SECRET")
                || options.toString().contains(fake.token()));
        Path copy = home.resolve("collections/instagram/.session-cookie");
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(copy)));

        // a later run without the option uses the kept copy
        int before = fake.requests().size();
        Sources.openCollection("instagram:ann.photos", home, fake.options(50)).refresh();
        assertEquals("sessionid=SECRET123; csrftoken=csrf9", fake.requests().get(before).headers().get("cookie"));
    }

    @Test
    void cookieHeaderTextAndEmptyFile() throws IOException {
        assertEquals("sessionid=a; ds_user_id=1", SessionCookie.parse("Cookie: sessionid=a; ds_user_id=1\n"));
        Path empty = Files.writeString(home.resolve("empty.txt"), "\n");
        SourceException e = assertThrows(SourceException.class, () -> SessionCookie.read(empty));
        assertTrue(e.getMessage().contains("holds no cookie"), e.getMessage());
    }
}
