package dev.photosearch.vision;

import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a second detector only on photos where the first is unsure: when the best candidate of a class scores in the
 * band just below the threshold, both runs are fused ({@link BoxFusion}), so a second sighting lifts an object over the
 * threshold and a lone one falls back. Photos with nothing in the band cost one run.
 */
final class SecondLook implements Detector {

    private final Detector first;
    private final Detector second;
    private final double from;
    private final double to;

    /** The second detector runs when a first candidate scores in {@code [from, to)}. */
    SecondLook(Detector first, Detector second, double from, double to) {
        if (!(from < to)) {
            throw new IllegalArgumentException("empty band [" + from + ", " + to + ")");
        }
        this.first = first;
        this.second = second;
        this.from = from;
        this.to = to;
    }

    @Override
    public List<Region> candidates(BufferedImage image) {
        List<Region> seen = first.candidates(image);
        return unsure(seen) ? BoxFusion.fuse(List.of(seen, second.candidates(image))) : seen;
    }

    /** Whether a class's best candidate scores in the band: a second sighting may change what is said. */
    private boolean unsure(List<Region> candidates) {
        Map<String, Double> best = new HashMap<>();
        candidates.forEach(r -> best.merge(r.label(), r.score(), Math::max));
        return best.values().stream().anyMatch(score -> score >= from && score < to);
    }

    @Override
    public void close() {
        first.close();
        second.close();
    }
}
