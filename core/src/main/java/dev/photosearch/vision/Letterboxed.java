package dev.photosearch.vision;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A detector shown the photo padded to a square rather than stretched to one, so objects keep their proportions;
 * boxes come back in the photo's own coordinates.
 */
final class Letterboxed implements Detector {

    private final Detector detector;

    Letterboxed(Detector detector) {
        this.detector = detector;
    }

    @Override
    public List<Region> candidates(BufferedImage image) {
        int side = Math.max(image.getWidth(), image.getHeight());
        BufferedImage square = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = square.createGraphics();
        try {
            g.setColor(Color.GRAY);
            g.fillRect(0, 0, side, side);
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        double sx = (double) side / image.getWidth();
        double sy = (double) side / image.getHeight();
        return detector.candidates(square).stream()
                .filter(r -> r.x() * sx < 1 && r.y() * sy < 1)
                .map(r -> new Region(r.label(), r.score(), r.x() * sx, r.y() * sy,
                        Math.min(r.width() * sx, 1 - r.x() * sx), Math.min(r.height() * sy, 1 - r.y() * sy)))
                .toList();
    }

    @Override
    public void close() {
        detector.close();
    }
}
