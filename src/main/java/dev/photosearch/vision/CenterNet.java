package dev.photosearch.vision;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The CenterNet (MobileNetV3) COCO detector shipped in the application, run with TensorFlow. One session serves
 * every thread; closing waits for the runs in progress.
 */
final class CenterNet implements Detector {

    static final String RESOURCE_DIR = "/models/centernet/";
    private static final String MODEL = "centernet.json";
    private static final String DETECTIONS = "tower_0/detections";
    // Each detection row: x1, y1, x2, y2 in input pixels, score, class index.
    private static final int ROW = 6;

    private final TfModel model;
    private final int size;
    private final List<ObjectClass> classes;

    private CenterNet(TfModel model, List<ObjectClass> classes) {
        List<Long> shape = model.inputShape();
        if (shape.size() != 4 || !shape.get(1).equals(shape.get(2)) || shape.get(3) != 3) {
            model.close();
            throw new IllegalArgumentException("expected a square RGB input, found " + shape);
        }
        this.model = model;
        this.size = Math.toIntExact(shape.get(1));
        this.classes = classes;
    }

    /** Loads the model shipped in the application's resources. */
    static CenterNet load() throws IOException {
        return new CenterNet(TfModel.load(RESOURCE_DIR, MODEL), ObjectClass.coco());
    }

    /** Every candidate the model proposes (100), best first, as regions of the image in 0..1 coordinates. */
    @Override
    public List<Region> candidates(BufferedImage image) {
        return regions(model.run(pixels(image), List.of(DETECTIONS)).get(0).values());
    }

    private List<Region> regions(float[] rows) {
        List<Region> regions = new ArrayList<>();
        for (int i = 0; i + ROW <= rows.length; i += ROW) {
            float classIndex = rows[i + 5];
            if (Float.isNaN(classIndex) || classIndex < 0 || classIndex >= classes.size()) {
                continue;
            }
            double x1 = clamp(rows[i] / size);
            double y1 = clamp(rows[i + 1] / size);
            double x2 = clamp(rows[i + 2] / size);
            double y2 = clamp(rows[i + 3] / size);
            if (x2 <= x1 || y2 <= y1) {
                continue;
            }
            regions.add(new Region(classes.get(Math.round(classIndex)).label(), rows[i + 4], x1, y1, x2 - x1,
                    y2 - y1));
        }
        regions.sort(Comparator.comparingDouble(Region::score).reversed());
        return regions;
    }

    /** The image stretched to the square input, RGB 0..255 row by row (NHWC), as the model was trained. */
    private float[] pixels(BufferedImage image) {
        int[] rgb = TfModel.stretch(image, size);
        float[] pixels = new float[rgb.length * 3];
        for (int i = 0; i < rgb.length; i++) {
            pixels[3 * i] = (rgb[i] >> 16) & 0xFF;
            pixels[3 * i + 1] = (rgb[i] >> 8) & 0xFF;
            pixels[3 * i + 2] = rgb[i] & 0xFF;
        }
        return pixels;
    }

    static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    @Override
    public void close() {
        model.close();
    }
}
