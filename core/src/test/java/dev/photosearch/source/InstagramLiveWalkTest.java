package dev.photosearch.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.photosearch.source.FakeInstagram.Reply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * How a profile is walked today, against {@link FakeInstagram} (written from the documented field paths): the v1
 * feed with a login, the GraphQL timeline when the feed stops working, retired doc_ids, finding the account's id,
 * what works without a login, the web app's headers and an unreachable host.
 */
class InstagramLiveWalkTest {

    @TempDir
    Path home;

    FakeInstagram fake;

    @BeforeEach
    void start() throws IOException {
        fake = new FakeInstagram("ann.photos");
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private InstagramCollectionSource open(CollectOptions options) throws IOException {
        return Sources.openCollection("instagram:ann.photos", home, options);
    }

    private List<String> storedKeys() throws IOException {
        return Files.readAllLines(home.resolve("collections/instagram/ann.photos/posts.jsonl")).stream()
                .map(line -> {
                    try {
                        return FakeInstagram.JSON.readTree(line).path("key").asText();
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                }).toList();
    }

    private void publishFive() {
        for (int i = 1; i <= 5; i++) {
            fake.publish(fake.image("P" + i, 1_600_000_000L + i, "Post " + i, ""));
        }
    }

    @Test
    void fortyPostsAreCollectedCompletelyAcrossPagesWithACookie() throws IOException {
        fake.publishFortyPosts();
        fake.pageSize(12);

        Scan scan = open(fake.loggedIn(50, home)).scan();

        List<String> keys = storedKeys();
        assertEquals(40, keys.size());
        assertEquals(40, new HashSet<>(keys).size(), "the pinned C01 is stored once");
        assertEquals(FakeInstagram.FORTY_POSTS_PHOTOS, scan.photos().size());
        Map<String, Photo> byPath = scan.photos().stream().collect(Collectors.toMap(Photo::path, Function.identity()));
        assertEquals(Set.of("C05", "C05/2", "C05/3"), byPath.keySet().stream().filter(p -> p.startsWith("C05"))
                .collect(Collectors.toSet()), "every carousel item, once");
        assertTrue(byPath.get("C05/2").video());
        assertEquals("Photo of C05bv", byPath.get("C05/2").altText());
        assertTrue(byPath.get("C07").video());
        assertEquals("true", byPath.get("C07").metadata().get("reel"));
        assertTrue(((MediaLocation.Remote) byPath.get("C07").media()).url().getPath().endsWith("/C07.jpg"),
                "a reel stands by its largest still");
        assertEquals("", byPath.get("C13").caption());
        assertEquals(FakeInstagram.ALT_ONLY, byPath.get("C13").altText());
        assertEquals(1 + 4, fake.requests().size(), "the id, then four pages of at most twelve");
    }

    @Test
    void aSecondRunAfterThreeNewPostsAddsExactlyThoseThree() throws IOException {
        fake.publishFortyPosts();
        fake.pageSize(12);
        open(fake.loggedIn(50, home)).scan();
        for (int i = 1; i <= 3; i++) {
            fake.publish(fake.image("N" + i, 1_700_000_000L + i, "New " + i, ""));
        }
        int before = fake.requests().size();

        Scan scan = open(fake.options(50)).scan(); // the kept cookie

        assertEquals(43, storedKeys().size());
        assertEquals(storedKeys().subList(40, 43), List.of("N3", "N2", "N1"));
        assertEquals(FakeInstagram.FORTY_POSTS_PHOTOS + 3, scan.photos().size());
        assertEquals(1, fake.requests().size() - before, "one page: the pinned C01, N3, N2, N1, then C40 is known");
    }

    @Test
    void theWalkGoesOnThroughTheGraphQlTimelineWhenTheFeedStopsWorking() throws IOException {
        publishFive();
        fake.script(InstagramCollectionTest.FEED_PAGE_2, Reply.of(400, "{\"message\":\"useragent mismatch\","
                + "\"status\":\"fail\"}"));

        Scan scan = open(fake.loggedIn(50, home)).scan();

        assertEquals(List.of("P5", "P4", "P3", "P2", "P1"), storedKeys());
        assertEquals("Post 3", scan.photos().stream().filter(p -> p.path().equals("P3")).findFirst().orElseThrow()
                .caption(), "the timeline gives the caption as a plain string");
        FakeInstagram.Request post = fake.requests().stream().filter(r -> r.method().equals("POST")).findFirst()
                .orElseThrow();
        assertEquals("/graphql/query/", post.path());
        Map<String, String> form = form(post.body());
        assertEquals(DocIds.defaults().get("posts"), form.get("doc_id"));
        assertEquals("true", form.get("server_timestamps"));
        JsonNode variables = FakeInstagram.JSON.readTree(form.get("variables"));
        assertEquals("QVFEP3", variables.path("after").asText(), "the same opaque cursor, on another route");
        assertEquals("ann.photos", variables.path("username").asText());
        assertEquals(12, variables.path("first").asInt());
    }

    @Test
    void aRetiredDocIdSaysHowToPassANewerOneAndANewerOneWorks() throws IOException {
        publishFive();
        fake.acceptDocId("555");
        fake.script(InstagramCollectionTest.FEED_PAGE_2, Reply.of(404, "{\"status\":\"fail\"}"));

        Scan partial = open(fake.loggedIn(50, home)).scan();

        String notice = String.join("\n", partial.notices());
        assertTrue(notice.contains("doc_id " + DocIds.defaults().get("posts") + " no longer works")
                && notice.contains("--instagram-doc-id posts=ID"), notice);
        assertFalse(notice.contains("--instagram-cookies"), "a cookie was passed: " + notice);
        assertEquals(List.of("P5", "P4"), storedKeys());

        fake.script(InstagramCollectionTest.FEED_PAGE_2, Reply.of(404, "{\"status\":\"fail\"}"));
        open(fake.options(50).withDocIds(DocIds.defaults().with(List.of("posts=555")))).scan();

        assertEquals(List.of("P5", "P4", "P3", "P2", "P1"), storedKeys());
    }

    @Test
    void pleaseWaitTwiceOnTheSameQueryIsARetiredQueryNotARateLimit() throws IOException {
        publishFive();
        String pleaseWait = "{\"message\":\"Please wait a few minutes before you try again.\",\"status\":\"fail\"}";
        fake.script(InstagramCollectionTest.FEED_PAGE_2, Reply.of(404, "{}"));
        fake.script("/graphql/query/", Reply.of(401, pleaseWait), Reply.of(401, pleaseWait));

        Scan scan = open(fake.loggedIn(50, home)).scan();

        String notice = String.join("\n", scan.notices());
        assertTrue(notice.contains("no longer works") && notice.contains("twice"), notice);
        assertFalse(notice.contains("wait an hour"), notice);
        assertEquals(2, fake.requestsTo("/graphql/query/"));
    }

    @Test
    void withoutALoginTheNewestPostsAreCollectedAndALaterLoginContinues() throws IOException {
        publishFive();

        Scan anonymous = open(fake.options(50)).scan();

        assertEquals(List.of("P5", "P4"), storedKeys());
        assertTrue(anonymous.notices().stream().anyMatch(n -> n.contains("without a login Instagram shows only the"
                + " newest posts of @ann.photos")), anonymous.notices().toString());
        assertEquals(1, fake.requests().size(), "web_profile_info only");
        assertFalse(fake.requests().get(0).headers().containsKey("cookie"));

        open(fake.loggedIn(50, home)).scan();

        assertEquals(List.of("P5", "P4", "P3", "P2", "P1"), storedKeys());
        assertEquals(1, fake.requestsTo("/api/v1/users/web_profile_info/"), "the id was kept from the first run");
    }

    @Test
    void theIdIsFoundBySearchThenByTheProfilePageWhenWebProfileInfoFails() throws IOException {
        publishFive();
        Reply refused = Reply.of(400, "{\"message\":\"\",\"status\":\"fail\"}");
        fake.script("/api/v1/users/web_profile_info/", refused, refused);
        fake.script("/web/search/topsearch/", refused);

        open(fake.loggedIn(50, home)).scan();

        assertEquals(5, storedKeys().size());
        assertEquals(List.of("/api/v1/users/web_profile_info/", "/web/search/topsearch/", "/ann.photos/",
                "/api/v1/feed/user/1234567890/"), fake.requests().stream().limit(4).map(FakeInstagram.Request::path)
                .toList());

        Files.delete(home.resolve("collections/instagram/ann.photos/state.json"));
        Files.delete(home.resolve("collections/instagram/ann.photos/posts.jsonl"));
        fake.script("/api/v1/users/web_profile_info/", refused);
        int before = fake.requests().size();
        open(fake.options(50)).scan();
        assertEquals("/web/search/topsearch/", fake.requests().get(before + 1).path());
        assertEquals("/api/v1/feed/user/1234567890/", fake.requests().get(before + 2).path());
    }

    @Test
    void anAccountGivenByItsIdIsNotLookedUp() throws IOException {
        publishFive();

        Scan scan = Sources.openCollection("instagram:id:" + FakeInstagram.USER_ID, home, fake.loggedIn(50, home))
                .scan();

        assertEquals("instagram:id:1234567890", scan.photos().get(0).source());
        assertEquals(0, fake.requestsTo("/api/v1/users/web_profile_info/"));
        assertEquals(5, scan.photos().size());
        SourceException bad = assertThrows(SourceException.class,
                () -> Sources.openCollection("instagram:id:12a", home, fake.options(50)));
        assertTrue(bad.getMessage().contains("is not an Instagram id"), bad.getMessage());
    }

    @Test
    void requestsCarryTheWebAppsHeadersAndFollowTheServersCookiesAndClaim() throws IOException {
        publishFive();
        fake.script(InstagramCollectionTest.FEED_PAGE_2, Reply.of(404, "{}"));

        open(fake.loggedIn(50, home).withUserAgent("MyBrowser/1.0")).scan();

        List<FakeInstagram.Request> requests = fake.requests();
        FakeInstagram.Request first = requests.get(0);
        assertEquals(WebAppClient.APP_ID, first.headers().get("x-ig-app-id"));
        assertEquals(WebAppClient.ASBD_ID, first.headers().get("x-asbd-id"));
        assertEquals("XMLHttpRequest", first.headers().get("x-requested-with"));
        assertEquals(fake.base() + "/ann.photos/", first.headers().get("referer"));
        assertEquals("MyBrowser/1.0", first.headers().get("user-agent"));
        assertEquals("0", first.headers().get("x-ig-www-claim"));
        assertEquals("csrf1", first.headers().get("x-csrftoken"));
        assertFalse(first.headers().containsKey("origin"), "Origin only on POSTs");
        FakeInstagram.Request later = requests.get(requests.size() - 1);
        assertEquals("POST", later.method());
        assertEquals(FakeInstagram.CLAIM, later.headers().get("x-ig-www-claim"));
        assertEquals(FakeInstagram.ROTATED_CSRF, later.headers().get("x-csrftoken"));
        assertEquals(fake.base().toString(), later.headers().get("origin"));
    }

    @Test
    void theDefaultUserAgentIsADesktopBrowsers() throws IOException {
        publishFive();

        open(fake.options(50)).scan();

        assertTrue(fake.requests().get(0).headers().get("user-agent").contains("Chrome/"));
    }

    @Test
    void anUnreachableInstagramStopsAtOnceWithOneLine() throws IOException {
        int refusedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            refusedPort = socket.getLocalPort();
        }
        Map<String, String> expected = Map.of("http://www.instagram.invalid", "cannot reach www.instagram.invalid:"
                + " unknown host", "http://127.0.0.1:" + refusedPort, "cannot reach 127.0.0.1: connection refused");
        for (Map.Entry<String, String> unreachable : expected.entrySet()) {
            java.net.URI base = java.net.URI.create(unreachable.getKey());
            CollectOptions options = new CollectOptions(base, base, fake.options(50).pacing(), null, null);

            HostUnreachable e = assertThrows(HostUnreachable.class, () -> open(options).scan());

            assertEquals(unreachable.getValue(), e.getMessage());
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new java.util.HashMap<>();
        for (String pair : body.split("&")) {
            String[] parts = pair.split("=", 2);
            form.put(java.net.URLDecoder.decode(parts[0], java.nio.charset.StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(parts[1], java.nio.charset.StandardCharsets.UTF_8));
        }
        return form;
    }
}
