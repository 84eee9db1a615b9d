package dev.photosearch.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecondLookTest {

    private static final BufferedImage PHOTO = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
    private static final double EPS = 1e-9;

    /** A detector that answers the same boxes for every photo and remembers the photos it was shown. */
    static final class Fixed implements Detector {
        final List<Region> boxes;
        final List<BufferedImage> shown = new ArrayList<>();
        boolean closed;

        Fixed(Region... boxes) {
            this.boxes = List.of(boxes);
        }

        @Override
        public List<Region> candidates(BufferedImage image) {
            shown.add(image);
            return boxes;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void aSureFirstLookIsTheAnswerAndTheSecondDetectorNeverRuns() {
        // The second dog scores in the band, but the class is already sure from the first.
        Fixed first = new Fixed(new Region("dog", 0.9, 0.1, 0.1, 0.5, 0.5), new Region("dog", 0.28, 0.7, 0, 0.2, 0.2),
                new Region("cat", 0.1, 0, 0, 1, 1));
        Fixed second = new Fixed(new Region("cat", 0.9, 0, 0, 1, 1));

        List<Region> found = new SecondLook(first, second, 0.25, 0.3).candidates(PHOTO);

        assertEquals(first.boxes, found);
        assertTrue(second.shown.isEmpty());
    }

    @Test
    void anUnsureObjectSeenAgainIsLiftedAndALoneOneFallsBack() {
        Region unsure = new Region("cup", 0.28, 0.2, 0.2, 0.2, 0.2);
        Region lone = new Region("dog", 0.9, 0.6, 0.6, 0.3, 0.3);
        Fixed first = new Fixed(lone, unsure);
        Fixed second = new Fixed(new Region("cup", 0.5, 0.21, 0.2, 0.2, 0.2));

        List<Region> found = new SecondLook(first, second, 0.25, 0.3).candidates(PHOTO);

        assertEquals(List.of(PHOTO), second.shown);
        assertEquals(List.of("dog", "cup"), found.stream().map(Region::label).toList());
        assertEquals(0.45, found.get(0).score(), EPS);
        assertEquals(0.39, found.get(1).score(), EPS);
    }

    @Test
    void closingClosesBothAndAnEmptyBandIsAnError() {
        Fixed first = new Fixed();
        Fixed second = new Fixed();
        new SecondLook(first, second, 0.2, 0.3).close();

        assertTrue(first.closed && second.closed);
        assertThrows(IllegalArgumentException.class, () -> new SecondLook(first, second, 0.3, 0.3));
    }

    @Test
    void aLetterboxedDetectorSeesASquareAndAnswersInThePhotosCoordinates() {
        // The padded square is 40×40; the photo is its top half.
        Fixed square = new Fixed(new Region("bus", 0.8, 0.25, 0.25, 0.5, 0.5),
                new Region("car", 0.7, 0.1, 0.6, 0.2, 0.2));

        List<Region> found = new Letterboxed(square).candidates(PHOTO);

        assertEquals(40, square.shown.get(0).getWidth());
        assertEquals(40, square.shown.get(0).getHeight());
        assertEquals(1, found.size(), "the car lies in the padding: " + found);
        Region bus = found.get(0);
        assertEquals(0.25, bus.x(), EPS);
        assertEquals(0.5, bus.y(), EPS);
        assertEquals(0.5, bus.width(), EPS);
        assertEquals(0.5, bus.height(), EPS, "cut at the photo's bottom edge");
    }
}
