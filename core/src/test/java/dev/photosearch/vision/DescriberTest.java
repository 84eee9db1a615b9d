package dev.photosearch.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.photosearch.media.Exif;
import dev.photosearch.media.ImageFacts;
import dev.photosearch.media.Media;
import dev.photosearch.source.Photo;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DescriberTest {

    private static Photo photo(String path, String caption, String alt, String place, Instant takenAt) {
        return new Photo(Photo.idFor("test", path), "test", path, null, null, takenAt, caption, List.of(),
                List.of(), alt, place, false, Map.of(), "fp");
    }

    @Test
    void pathWordsKeepSubjectsAndDropCameraAndExportNoise() {
        assertEquals("trips paris eiffel tower", Describer.pathWords("trips/Paris 2019/IMG_1234_eiffel-tower.JPG"));
        assertEquals("", Describer.pathWords("media/posts/201502/11005049_641194256010210_631602057_n.jpg"));
    }

    @Test
    void describesWhatThePhotoShowsThenWhenAndWithWhat() {
        Photo p = photo("beach.jpg", "Lazy afternoon", "May be an image of the sea", "Biarritz", null);
        Exif exif = new Exif(LocalDateTime.of(2023, 8, 12, 15, 30), "Apple iPhone XR", null, null, 1);
        Media media = new Media(new ImageFacts(640, 480, "jpeg", 1000, exif, null), null, null, null);
        Analysis colours = new Analysis("colours", 1, "mostly blue and yellow, bright", List.of(), Map.of());
        Analysis nothing = new Analysis("text", 1, "", List.of(), Map.of());
        Analysis text = new Analysis("text", 1, "text reads \"BAR\"", List.of("bar"), Map.of());

        Description d = new Describer().describe(p, media, List.of(colours, nothing, text));

        assertEquals("May be an image of the sea. Lazy afternoon. beach. "
                + "Mostly blue and yellow, bright; text reads \"BAR\". At Biarritz.", d.shows());
        assertEquals("Taken in the afternoon on 12 August 2023 with Apple iPhone XR.", d.context());
        assertTrue(d.summary().startsWith(d.shows() + " Taken"));
    }

    @Test
    void postingTimeGivesADateButNoHourBecauseItIsUtc() {
        Photo p = photo("media/posts/x.jpg", "Bundt cake", "", "", Instant.parse("2015-02-18T02:04:48Z"));
        Description d = new Describer().describe(p, Media.failed("missing"), List.of());
        assertEquals("Bundt cake.", d.shows());
        assertEquals("Taken on 18 February 2015.", d.context());
    }

    @Test
    void aPhotoWithNothingToSayHasAnEmptyDescription() {
        Description d = new Describer().describe(photo("IMG_0001.jpg", "", "", "", null), Media.failed("x"), List.of());
        assertEquals("", d.summary());
    }

    @Test
    void theFileNameDescribesThePhotoButFolderNamesDoNot() {
        Description named = new Describer().describe(photo("trips/Paris/eiffel_tower.jpg", "", "", "", null),
                Media.failed("x"), List.of());
        assertEquals("eiffel tower.", named.shows());
        Description numbered = new Describer().describe(photo("train2017/000000163497.jpg", "", "", "", null),
                Media.failed("x"), List.of());
        assertEquals("", numbered.shows());
    }

    @Test
    void howThingsStandComesFirstThenTheSceneThenTheObjectsLargestFirst() {
        Region person = new Region("person", 0.9, 0.4, 0.1, 0.2, 0.5);
        Region surfboard = new Region("surfboard", 0.8, 0.35, 0.55, 0.3, 0.1);
        Region bird = new Region("bird", 0.7, 0.9, 0.05, 0.04, 0.03);
        Analysis objects = new Analysis("objects", 4, "a person, a surfboard and a bird", List.of(), Map.of(),
                List.of(person, surfboard, bird));
        Analysis colours = new Analysis("colours", 1, "mostly blue", List.of(), Map.of());
        Description d = new Describer().describe(photo("1.jpg", "", "", "", null), Media.failed("x"),
                List.of(objects, colours));
        assertEquals("A person riding a surfboard; surfing on a wave in the ocean; a person, a surfboard and a bird; "
                + "mostly blue.", d.shows());
    }

    @Test
    void aPictureWithNothingRecognisedIsToldApartByTheLayoutOfItsColours() {
        Map<String, String> layout = Map.of("top", "blue", "bottom", "green");
        Analysis colours = new Analysis("colours", 2, "mostly blue and green", List.of(), layout);
        Analysis nothingFound = new Analysis("objects", 5, "", List.of(), Map.of(), List.of());
        Description bare = new Describer().describe(photo("1.jpg", "", "", "", null), Media.failed("x"),
                List.of(nothingFound, colours));
        assertEquals("Blue above and green below; mostly blue and green.", bare.shows());

        Analysis dog = new Analysis("objects", 5, "a dog", List.of(), Map.of(),
                List.of(new Region("dog", 0.9, 0.2, 0.2, 0.5, 0.5)));
        Description withDog = new Describer().describe(photo("1.jpg", "", "", "", null), Media.failed("x"),
                List.of(dog, colours));
        assertEquals("A dog; mostly blue and green.", withDog.shows(), "what is recognised says more than layout");

        Analysis even = new Analysis("colours", 2, "mostly grey", List.of(), Map.of("top", "grey", "bottom", "grey"));
        assertEquals("Mostly grey.", new Describer().describe(photo("1.jpg", "", "", "", null), Media.failed("x"),
                List.of(nothingFound, even)).shows());
    }

    @Test
    void uncertainObjectsAreSearchedButNotShown() {
        Analysis objects = new Analysis("objects", 4, "a dog; perhaps a frisbee", List.of(),
                Map.of("perhaps", "frisbee"), List.of(new Region("dog", 0.9, 0.2, 0.2, 0.5, 0.5)));
        Description d = new Describer().describe(photo("1.jpg", "", "", "", null), Media.failed("x"),
                List.of(objects));
        assertEquals("A dog.", d.shows());
        assertEquals("Perhaps a frisbee.", d.hints());
        assertEquals("A dog. Perhaps a frisbee.", d.searched());
        assertEquals(d.shows(), d.summary());
    }

    @Test
    void descriptionsStoredBeforeHintsExistedHaveNone() {
        Description old = new Description("A dog.", "", null);
        assertEquals("", old.hints());
        assertEquals("A dog.", old.searched());
    }
}
