package dev.photosearch.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CaptionTagsTest {

    @Test
    void findsUnicodeHashtagsLowerCasedAndDistinct() {
        assertEquals(List.of("café", "sun_set", "2024", "sea"),
                CaptionTags.hashtags("At the #Café! #sun_set #2024 #sea #SEA and C# code, a&#39;b"));
    }

    @Test
    void findsMentionsButNotEmailAddresses() {
        assertEquals(List.of("ann.b", "bob_2"), CaptionTags.mentions("with @Ann.B and @bob_2. mail me@example.com"));
    }

    @Test
    void mergesTagListsWithoutDuplicates() {
        assertEquals(List.of("kenya", "wildlife", "sun"),
                CaptionTags.merge(List.of("Kenya", "wildlife"), List.of("wildlife", "sun")));
    }
}
