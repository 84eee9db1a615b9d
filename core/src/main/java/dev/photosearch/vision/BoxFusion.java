package dev.photosearch.vision;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Weighted box fusion: merges the candidates of several detector runs on the same photo (other models, a mirrored
 * copy) into one list. Boxes of the same class that overlap are one object: its box is their score-weighted mean,
 * its score the mean over runs of each run's best score for it, so an object every run sees keeps its score and one
 * only a single run sees is discounted. Runs can weigh differently (a weaker model less).
 */
final class BoxFusion {

    // Boxes of one class overlapping a cluster's fused box more than this are the same object.
    static final double SAME_OBJECT_IOU = 0.55;

    private BoxFusion() {}

    /** Fused candidates of runs weighing the same. */
    static List<Region> fuse(List<List<Region>> runs) {
        double[] weights = new double[runs.size()];
        Arrays.fill(weights, 1);
        return fuse(runs, weights);
    }

    /**
     * Fused candidates, best first; {@code runs} holds each run's candidates in 0..1 image coordinates, and an
     * object's score is the weighted mean of each run's best score for it (0 for a run that missed it).
     */
    static List<Region> fuse(List<List<Region>> runs, double[] weights) {
        if (runs.isEmpty() || weights.length != runs.size()) {
            throw new IllegalArgumentException(runs.size() + " runs, " + weights.length + " weights");
        }
        record Box(Region region, int run) {}
        List<Box> boxes = new ArrayList<>();
        for (int run = 0; run < runs.size(); run++) {
            for (Region region : runs.get(run)) {
                boxes.add(new Box(region, run));
            }
        }
        boxes.sort(Comparator.comparingDouble((Box b) -> b.region().score()).reversed());
        List<Cluster> clusters = new ArrayList<>();
        for (Box box : boxes) {
            Cluster match = null;
            for (Cluster cluster : clusters) {
                if (cluster.label.equals(box.region().label())
                        && ObjectDetector.iou(cluster.fused(), box.region()) > SAME_OBJECT_IOU) {
                    match = cluster;
                    break;
                }
            }
            if (match == null) {
                match = new Cluster(box.region().label(), runs.size());
                clusters.add(match);
            }
            match.add(box.region(), box.run());
        }
        return clusters.stream().map(c -> c.result(weights))
                .sorted(Comparator.comparingDouble(Region::score).reversed()).toList();
    }

    /** The boxes taken as one object so far. */
    private static final class Cluster {
        final String label;
        final double[] best;
        double weight;
        double x1;
        double y1;
        double x2;
        double y2;

        Cluster(String label, int runs) {
            this.label = label;
            this.best = new double[runs];
        }

        void add(Region r, int run) {
            double w = r.score();
            x1 += w * r.x();
            y1 += w * r.y();
            x2 += w * (r.x() + r.width());
            y2 += w * (r.y() + r.height());
            weight += w;
            best[run] = Math.max(best[run], r.score());
        }

        Region fused() {
            double w = weight > 0 ? weight : 1;
            return new Region(label, 0, x1 / w, y1 / w, (x2 - x1) / w, (y2 - y1) / w);
        }

        Region result(double[] weights) {
            Region box = fused();
            double score = 0;
            double total = 0;
            for (int run = 0; run < best.length; run++) {
                score += weights[run] * best[run];
                total += weights[run];
            }
            return new Region(label, score / total, box.x(), box.y(), box.width(), box.height());
        }
    }
}
