package dev.photosearch.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.photosearch.testing.Pictures;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ObjectDetectorTest {

    // A collage of people photographed by the human library's author, shipped in its npm package (MIT).
    private static final Path PEOPLE = Path.of("vision-models/node_modules/@vladmandic/human/assets/samples.jpg");

    private static ObjectDetector detector;
    private static BufferedImage people;

    @BeforeAll
    static void load() throws Exception {
        detector = ObjectDetector.load();
        assertTrue(Files.isRegularFile(PEOPLE), "npm ci of vision-models did not run: " + PEOPLE);
        people = ImageIO.read(PEOPLE.toFile());
    }

    @AfterAll
    static void close() {
        if (detector != null) {
            detector.close();
        }
    }

    @Test
    void findsThePeopleOfARealPhoto() {
        Analysis analysis = detector.analyse(people);

        assertEquals("objects", analysis.analyser());
        assertEquals(detector.version(), analysis.version());
        long persons = analysis.regions().stream().filter(r -> r.label().equals("person")).count();
        assertTrue(persons >= 3, "people found: " + analysis.regions());
        assertTrue(analysis.phrase().contains("people"), analysis.phrase());
        assertTrue(analysis.terms().containsAll(List.of("person", "people")), analysis.terms().toString());
        assertTrue(analysis.facts().get("objects").matches("([a-z ]+:\\d+)(,[a-z ]+:\\d+)*"),
                analysis.facts().toString());
        assertTrue(analysis.facts().get("objects").contains("person:" + persons), analysis.facts().toString());
    }

    @Test
    void regionsAreInsideTheImageBestFirst() {
        List<Region> regions = detector.detect(people);

        double previous = 1;
        for (Region r : regions) {
            assertTrue(r.x() >= 0 && r.y() >= 0 && r.width() > 0 && r.height() > 0, r.toString());
            assertTrue(r.x() + r.width() <= 1 + 1e-9 && r.y() + r.height() <= 1 + 1e-9, r.toString());
            assertTrue(r.score() <= previous && r.score() > 0, r.toString());
            previous = r.score();
        }
    }

    @Test
    void theModelProposesAHundredCandidatesOfKnownClasses() throws Exception {
        try (CenterNet model = CenterNet.load()) {
            List<Region> candidates = model.candidates(people);

            assertTrue(candidates.size() > 50 && candidates.size() <= 100, "candidates: " + candidates.size());
            List<String> labels = ObjectClass.coco().stream().map(ObjectClass::label).toList();
            assertTrue(candidates.stream().allMatch(r -> labels.contains(r.label())));
        }
    }

    @Test
    void blankImagesShowNothing() {
        for (Color colour : List.of(Color.WHITE, Color.BLACK, Color.GRAY)) {
            Analysis analysis = detector.analyse(Pictures.uniform(colour, 800, 600));

            assertEquals("", analysis.phrase(), colour.toString());
            assertTrue(analysis.regions().isEmpty(), colour + ": " + analysis.regions());
            assertTrue(analysis.terms().isEmpty());
            assertTrue(analysis.facts().isEmpty());
        }
    }

    @Test
    void tinyAndGreyImagesAreAccepted() {
        BufferedImage grey = new BufferedImage(3, 2, BufferedImage.TYPE_BYTE_GRAY);

        assertTrue(detector.detect(grey).isEmpty());
    }

    @Test
    void oneSessionServesSeveralThreadsWithTheSameAnswers() throws Exception {
        List<BufferedImage> images = List.of(people, Pictures.uniform(Color.WHITE, 640, 480), people, people);
        List<List<Region>> alone = new ArrayList<>();
        for (BufferedImage image : images) {
            alone.add(detector.detect(image));
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<List<Region>>> together = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                for (BufferedImage image : images) {
                    together.add(pool.submit(() -> detector.detect(image)));
                }
            }
            for (int i = 0; i < together.size(); i++) {
                assertEquals(labels(alone.get(i % images.size())), labels(together.get(i).get()));
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aClosedModelRefusesWork() throws Exception {
        CenterNet model = CenterNet.load();
        model.close();
        model.close();

        assertThrows(IllegalStateException.class, () -> model.candidates(people));
    }

    private static List<String> labels(List<Region> regions) {
        return regions.stream().map(Region::label).toList();
    }
}
