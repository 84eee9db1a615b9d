package dev.photosearch.vision;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * The CenterNet (MobileNetV3) COCO detector shipped in the application, run with TensorFlow. One session serves
 * every thread; closing waits for the runs in progress.
 */
final class CenterNet implements AutoCloseable {

    static final String RESOURCE_DIR = "/models/centernet/";
    private static final String MODEL = "centernet.json";
    private static final String DETECTIONS = "tower_0/detections";
    // Each detection row: x1, y1, x2, y2 in input pixels, score, class index.
    private static final int ROW = 6;

    private final Graph graph;
    private final Session session;
    private final String input;
    private final int size;
    private final List<ObjectClass> classes;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean closed;

    private CenterNet(TfjsGraph model, List<ObjectClass> classes) {
        List<Long> shape = model.inputShape();
        if (shape.size() != 4 || !shape.get(1).equals(shape.get(2)) || shape.get(3) != 3) {
            throw new IllegalArgumentException("expected a square RGB input, found " + shape);
        }
        this.input = model.input();
        this.size = Math.toIntExact(shape.get(1));
        this.classes = classes;
        this.graph = new Graph();
        try {
            graph.importGraphDef(model.graph());
            this.session = new Session(graph);
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
    }

    /** Loads the model shipped in the application's resources. */
    static CenterNet load() throws IOException {
        byte[] json = resource(MODEL);
        return new CenterNet(TfjsGraph.read(json, CenterNet::resource), ObjectClass.coco());
    }

    private static byte[] resource(String name) throws IOException {
        if (name.contains("/") || name.contains("..")) {
            throw new IOException("weight file outside the model folder: " + name);
        }
        try (InputStream in = CenterNet.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                throw new IOException("the object detection model is not in the application (" + RESOURCE_DIR + name
                        + "); rebuild it with mvn package");
            }
            return in.readAllBytes();
        }
    }

    /** Every candidate the model proposes (100), best first, as regions of the image in 0..1 coordinates. */
    List<Region> candidates(BufferedImage image) {
        float[] pixels = pixels(image);
        float[] rows;
        lock.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("the object detector is closed");
            }
            try (TFloat32 tensor = TFloat32.tensorOf(Shape.of(1, size, size, 3), DataBuffers.of(pixels, true, false));
                    Result result = session.runner().feed(input, tensor).fetch(DETECTIONS).run()) {
                TFloat32 out = (TFloat32) result.get(0);
                rows = new float[Math.toIntExact(out.size())];
                out.copyTo(DataBuffers.of(rows, false, false));
            }
        } finally {
            lock.readLock().unlock();
        }
        return regions(rows);
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

    /** The image stretched to the square input, RGB 0..255 row by row, as the model was trained. */
    private float[] pixels(BufferedImage image) {
        BufferedImage square = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = square.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, size, size, null);
        } finally {
            g.dispose();
        }
        int[] rgb = square.getRGB(0, 0, size, size, null, 0, size);
        float[] pixels = new float[rgb.length * 3];
        for (int i = 0; i < rgb.length; i++) {
            pixels[3 * i] = (rgb[i] >> 16) & 0xFF;
            pixels[3 * i + 1] = (rgb[i] >> 8) & 0xFF;
            pixels[3 * i + 2] = rgb[i] & 0xFF;
        }
        return pixels;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                session.close();
                graph.close();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }
}
