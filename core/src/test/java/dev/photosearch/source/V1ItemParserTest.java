package dev.photosearch.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The v1 item, from a hand-written page of the v1 feed (fixtures/instagram-v1/feed-page.json). */
class V1ItemParserTest {

    private static JsonNode item(int index) throws Exception {
        return FakeInstagram.JSON.readTree(Fixtures.text("instagram-v1/feed-page.json")).path("items").get(index);
    }

    @Test
    void aCarouselGivesEveryItemWithItsOwnAltTextAndAVideoChildByItsStill() throws Exception {
        GraphPost post = InstagramPosts.parse(item(1));

        assertEquals("C9carousel1", post.shortcode());
        assertTrue(post.isCarousel());
        assertEquals("Three from the market", post.caption());
        assertEquals("Mercado do Bolhão", post.place());
        assertEquals("41.1489", post.extra().get("place_lat"));
        assertEquals(80L, post.likes());
        assertEquals(6L, post.comments());
        assertEquals(Instant.ofEpochSecond(1735725600), post.takenAt());
        assertEquals(List.of(new GraphMedia("https://cdn.example/m1.jpg", false, "May be an image of oranges"),
                new GraphMedia("https://cdn.example/m2_still.jpg", true, "May be a video of a fish stall"),
                new GraphMedia("https://cdn.example/m3.jpg", false, "")), post.media());
    }

    @Test
    void aNullCaptionLeavesTheAltTextAndTheLargestCandidateIsTaken() throws Exception {
        GraphPost post = InstagramPosts.parse(item(2));

        assertEquals("", post.caption());
        assertEquals(List.of(new GraphMedia("https://cdn.example/tram.jpg", false,
                "May be an image of a tram on a hill")), post.media());
    }

    @Test
    void aCaptionGivenAsAPlainStringAndAReel() throws Exception {
        GraphPost post = InstagramPosts.parse(item(3));

        assertEquals("Sunset from the bridge", post.caption());
        assertEquals("GraphVideo", post.typename());
        assertTrue(post.self().video());
        assertEquals("true", post.extra().get("reel"));
    }

    @Test
    void pinnedPostsAreToldByTheirPinnedUserIds() throws Exception {
        assertTrue(InstagramPosts.pinned(item(0)));
        assertFalse(InstagramPosts.pinned(item(1)));
        assertFalse(InstagramPosts.pinned(item(2)), "an empty or missing list is not pinned");
    }

    @Test
    void keysAndMediaIds() throws Exception {
        assertEquals("C9altOnly01", InstagramPosts.key(item(2)));
        assertEquals("3400000000000000003", InstagramPosts.mediaId("C9altOnly01", item(2)));
        assertEquals("64", InstagramPosts.fromShortcode("BA"));
        assertEquals("4030", InstagramPosts.fromShortcode("--"));
        assertEquals("127", InstagramPosts.fromShortcode("B_" + "x".repeat(28)), "a private code's tail is dropped");
        assertThrows(MalformedEntryException.class, () -> InstagramPosts.fromShortcode("a+b"));
    }

    @Test
    void anItemWithoutCodeIsMalformed() {
        MalformedEntryException e = assertThrows(MalformedEntryException.class,
                () -> V1ItemParser.parse(FakeInstagram.JSON.createObjectNode().put("pk", "1")));

        assertEquals("post without \"code\"", e.getMessage());
    }
}
