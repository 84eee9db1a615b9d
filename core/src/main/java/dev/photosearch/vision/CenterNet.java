package dev.photosearch.vision;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.photosearch.models.OnnxSessions;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The CenterNet (MobileNetV3) COCO detector shipped in the application, run with ONNX Runtime. The build converts it
 * from TensorFlow.js ({@code models.TfjsToOnnx}), so loading only opens the {@code .onnx} file. One session serves
 * every thread; closing waits for the runs in progress.
 */
final class CenterNet implements Detector {

    static final String RESOURCE = "/models/centernet/centernet.onnx";
    private static final String DETECTIONS = "tower_0/detections";
    // Each detection row: x1, y1, x2, y2 in input pixels, score, class index.
    private static final int ROW = 6;
    // One thread per run: the indexer already analyses one photo per core, next to the text model and Tesseract.
    private static final int THREADS = 1;

    private final OrtSession session;
    private final String input;
    private final long[] shape;
    private final int size;
    private final List<ObjectClass> classes;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean closed;

    CenterNet(OrtSession session, List<ObjectClass> classes) throws OrtException {
        this.session = session;
        Map.Entry<String, NodeInfo> in = session.getInputInfo().entrySet().iterator().next();
        this.input = in.getKey();
        this.shape = ((TensorInfo) in.getValue().getInfo()).getShape();
        if (shape.length != 4 || shape[1] != shape[2] || shape[3] != 3) {
            throw new IllegalArgumentException("expected a square RGB input, found " + List.of(shape));
        }
        this.size = Math.toIntExact(shape[1]);
        this.classes = classes;
    }

    /** Loads the model shipped in the application's resources. */
    static CenterNet load() throws IOException {
        byte[] model;
        try (InputStream in = CenterNet.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("the object detection model is not in the application (" + RESOURCE
                        + "); rebuild it with mvn package");
            }
            model = in.readAllBytes();
        }
        OrtSession session = OnnxSessions.open(model, "the object detection model", THREADS);
        try {
            return new CenterNet(session, ObjectClass.coco());
        } catch (OrtException | RuntimeException e) {
            OnnxSessions.closeQuietly(session);
            throw new IOException("the object detection model has an unexpected input: " + e.getMessage(), e);
        }
    }

    /** Every candidate the model proposes (100), best first, as regions of the image in 0..1 coordinates. */
    @Override
    public List<Region> candidates(BufferedImage image) {
        float[] values = pixels(image, size);
        lock.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("the object detector is closed");
            }
            return regions(run(values), size, classes);
        } finally {
            lock.readLock().unlock();
        }
    }

    private float[][] run(float[] values) {
        try (OnnxTensor pixels = OnnxTensor.createTensor(OnnxSessions.environment(),
                FloatBuffer.wrap(values), shape);
                OrtSession.Result result = session.run(Map.of(input, pixels), Set.of(DETECTIONS))) {
            return ((float[][][]) result.get(0).getValue())[0];
        } catch (OrtException e) {
            throw new UncheckedIOException(OnnxSessions.failed("object detection", e));
        }
    }

    /** Regions from the model's detection rows, best first; rows with no class or no area are left out. */
    static List<Region> regions(float[][] rows, int size, List<ObjectClass> classes) {
        List<Region> regions = new ArrayList<>();
        for (float[] row : rows) {
            float classIndex = row.length < ROW ? Float.NaN : row[5];
            if (Float.isNaN(classIndex) || classIndex < 0 || classIndex >= classes.size()) {
                continue;
            }
            double x1 = clamp(row[0] / size);
            double y1 = clamp(row[1] / size);
            double x2 = clamp(row[2] / size);
            double y2 = clamp(row[3] / size);
            if (x2 <= x1 || y2 <= y1) {
                continue;
            }
            regions.add(new Region(classes.get(Math.round(classIndex)).label(), row[4], x1, y1, x2 - x1, y2 - y1));
        }
        regions.sort(Comparator.comparingDouble(Region::score).reversed());
        return regions;
    }

    /** The image stretched to the square input, RGB 0..255 row by row (NHWC), as the model was trained. */
    static float[] pixels(BufferedImage image, int size) {
        int[] rgb = stretch(image, size);
        float[] pixels = new float[rgb.length * 3];
        for (int i = 0; i < rgb.length; i++) {
            pixels[3 * i] = (rgb[i] >> 16) & 0xFF;
            pixels[3 * i + 1] = (rgb[i] >> 8) & 0xFF;
            pixels[3 * i + 2] = rgb[i] & 0xFF;
        }
        return pixels;
    }

    /** The image stretched to a {@code size}×{@code size} square (bilinear), as packed RGB row by row. */
    static int[] stretch(BufferedImage image, int size) {
        BufferedImage square = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = square.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, size, size, null);
        } finally {
            g.dispose();
        }
        return square.getRGB(0, 0, size, size, null, 0, size);
    }

    static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                OnnxSessions.closeQuietly(session);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }
}
