package dev.photosearch.vision;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The detector on real labelled COCO photos from ../shared/data; skipped when that folder is absent. */
class CocoPhotosTest {

    private static final int PHOTOS = 40;

    @Test
    void mostClaimsAreRightAndAboutHalfOfWhatIsThereIsFound() throws Exception {
        Optional<Path> dir = CocoMini.dir();
        assumeTrue(dir.isPresent(), "../shared/data/coco-mini-captions is absent");
        List<CocoMini.Labelled> photos = CocoMini.labelled(dir.get()).subList(0, PHOTOS);
        List<DetectorEvaluation.Scored> scored = new ArrayList<>();
        try (CenterNet model = CenterNet.load()) {
            for (CocoMini.Labelled photo : photos) {
                scored.add(new DetectorEvaluation.Scored(photo, model.candidates(ImageIO.read(photo.image().toFile()))));
            }
        }
        DetectionThresholds shipped = DetectionThresholds.shipped(
                ObjectClass.coco().stream().map(ObjectClass::label).collect(Collectors.toSet()));

        DetectorEvaluation.Counts all = DetectorEvaluation.tally(scored, shipped).micro();
        DetectorEvaluation.Counts person = DetectorEvaluation.tally(scored, shipped).of("person");

        assertTrue(all.precision() >= 0.8, "precision " + all.precision());
        assertTrue(all.recall() >= 0.4, "recall " + all.recall());
        assertTrue(person.recall() >= 0.7, "person recall " + person.recall());
    }
}
