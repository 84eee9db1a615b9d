package dev.photosearch.models;

import static dev.photosearch.models.TfjsModel.list;
import static dev.photosearch.models.TfjsModel.text;
import static dev.photosearch.models.TfjsModel.texts;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** TF.js graphs converted to ONNX and run with ONNX Runtime give what TensorFlow computes, worked out by hand. */
class TfjsToOnnxTest {

    private static final String FLOAT = "\"T\": {\"type\": \"DT_FLOAT\"}";
    private static final String INT = "\"T\": {\"type\": \"DT_INT32\"}";
    private static final String NHWC = text("data_format", "NHWC");

    @Test
    void fusedConvolutionPadsSameAtTheEndAndKeepsTheKernelLayout() throws Exception {
        // 3×3 image 1..9, stride 2, a 2×2 kernel: output channel 0 sees the window's top-left pixel, channel 1 its
        // bottom-right one, which lies in the padding except for the first window. Bias 0.5 and -1, then Relu.
        float[] kernel = new float[8];
        kernel[0] = 1; // h0 w0 in0 out0
        kernel[7] = 1; // h1 w1 in0 out1
        TfjsModel model = new TfjsModel(1, 3, 3, 1)
                .floats("k", kernel, 2, 2, 1, 2).floats("b", new float[] {0.5f, -1}, 2)
                .node("y", "_FusedConv2D", List.of("x", "k", "b"), String.join(", ", FLOAT, NHWC,
                        text("padding", "SAME"), list("strides", 1, 2, 2, 1), list("dilations", 1, 1, 1, 1),
                        texts("fused_ops", "BiasAdd", "Relu"), "\"num_args\": {\"i\": \"1\"}"));

        float[] y = run(model.graph("y"), new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 1, 3, 3, 1);

        assertArrayEquals(new float[] {1.5f, 4, 3.5f, 0, 7.5f, 0, 9.5f, 0}, y);
    }

    @Test
    void depthwiseOutputChannelsFollowEachInputChannel() throws Exception {
        // Two input channels, two multipliers each: output channel c * 2 + m is x[c] * k[c][m], plus Relu6.
        TfjsModel model = new TfjsModel(1, 1, 1, 2)
                .floats("k", new float[] {1, 2, 3, 4}, 1, 1, 2, 2).floats("b", new float[] {0, 0, 0, 0}, 4)
                .node("y", "FusedDepthwiseConv2dNative", List.of("x", "k", "b"), String.join(", ", FLOAT, NHWC,
                        text("padding", "VALID"), list("strides", 1, 1, 1, 1), list("dilations", 1, 1, 1, 1),
                        texts("fused_ops", "BiasAdd", "Relu6"), "\"num_args\": {\"i\": \"1\"}"));

        assertArrayEquals(new float[] {1, 2, 6, 6}, run(model.graph("y"), new float[] {1, 2}, 1, 1, 1, 2));
    }

    @Test
    void bilinearResizeSamplesAsTensorFlowWithoutHalfPixelCentres() throws Exception {
        TfjsModel model = new TfjsModel(1, 1, 2, 1)
                .ints("size", new int[] {1, 4}, 2)
                .node("y", "ResizeBilinear", List.of("x", "size"), FLOAT + ", \"align_corners\": {\"b\": false}, "
                        + "\"half_pixel_centers\": {\"b\": false}");

        assertArrayEquals(new float[] {0, 5, 10, 10}, run(model.graph("y"), new float[] {0, 10}, 1, 1, 2, 1));
    }

    @Test
    void floorDivisionAndModuloRoundDownForNegativeIntegers() throws Exception {
        // (x cast to int) floordiv 2 and floormod 2, joined and cast back: -7 -> -4 and 1, 7 -> 3 and 1.
        TfjsModel model = new TfjsModel(2)
                .ints("two", new int[] {2}).ints("axis", new int[] {0})
                .node("i", "Cast", List.of("x"), "\"SrcT\": {\"type\": \"DT_FLOAT\"}, \"DstT\": {\"type\": \"DT_INT32\"}")
                .node("q", "FloorDiv", List.of("i", "two"), INT)
                .node("r", "FloorMod", List.of("i", "two"), INT)
                .node("qr", "ConcatV2", List.of("q", "r", "axis"), INT)
                .node("y", "Cast", List.of("qr"), "\"SrcT\": {\"type\": \"DT_INT32\"}, \"DstT\": {\"type\": \"DT_FLOAT\"}");

        assertArrayEquals(new float[] {-4, 3, 1, 1}, run(model.graph("y"), new float[] {-7, 7}, 2));
    }

    @Test
    void topKAndStridedSliceWithMasks() throws Exception {
        // The two largest of five values, then x[:, 1:] of the 1×2 result with begin and end masks on axis 0.
        TfjsModel model = new TfjsModel(1, 5)
                .ints("k", new int[] {2}).ints("begin", new int[] {0, 1}, 2).ints("end", new int[] {0, 0}, 2)
                .ints("steps", new int[] {1, 1}, 2)
                .node("top", "TopKV2", List.of("x", "k"), FLOAT + ", \"sorted\": {\"b\": true}")
                .node("y", "StridedSlice", List.of("top", "begin", "end", "steps"),
                        FLOAT + ", \"begin_mask\": {\"i\": \"1\"}, \"end_mask\": {\"i\": \"3\"}");

        assertArrayEquals(new float[] {8}, run(model.graph("y"), new float[] {3, 9, 1, 8, 2}, 1, 5));
    }

    @Test
    void quantisedWeightsAreDequantised() throws Exception {
        TfjsGraph graph = TfjsGraph.read(QUANTISED.getBytes(StandardCharsets.UTF_8), QUANTISED_FILES::get);

        assertEquals(new TensorSpec("x", ElementType.FLOAT, List.of(2L)), graph.input());
        assertArrayEquals(new float[] {4f, -7f}, run(graph, new float[] {2, 3}, 2));
    }

    @Test
    void unknownOpIsRefusedByName() throws Exception {
        TfjsGraph graph = new TfjsModel(2).node("y", "Einsum", List.of("x", "x"), FLOAT).graph("y");

        IOException e = assertThrows(IOException.class, () -> TfjsToOnnx.convert(graph));
        assertEquals("unsupported TensorFlow.js op Einsum (node y)", e.getMessage());
    }

    @Test
    void shortWeightFileIsAnError() {
        Map<String, byte[]> cut = Map.of("part1.bin", new byte[] {0x00, 0x3E, 0x00}, "part2.bin", new byte[] {1});

        IOException e = assertThrows(IOException.class,
                () -> TfjsGraph.read(QUANTISED.getBytes(StandardCharsets.UTF_8), cut::get));
        assertTrue(e.getMessage().contains("too short"), e.getMessage());
    }

    @Test
    void notAModelIsAnError() {
        assertThrows(IOException.class, () -> TfjsGraph.read("{\"a\": 1}".getBytes(StandardCharsets.UTF_8),
                QUANTISED_FILES::get));
        assertThrows(IOException.class, () -> TfjsGraph.read("not json".getBytes(StandardCharsets.UTF_8),
                QUANTISED_FILES::get));
    }

    @Test
    void halfPrecisionValues() {
        assertEquals(1.0f, TfjsWeight.halfToFloat((short) 0x3C00));
        assertEquals(-2.0f, TfjsWeight.halfToFloat((short) 0xC000));
        assertEquals(65504f, TfjsWeight.halfToFloat((short) 0x7BFF));
        assertEquals(0x1p-24f, TfjsWeight.halfToFloat((short) 0x0001));
        assertEquals(-0.0f, TfjsWeight.halfToFloat((short) 0x8000));
        assertEquals(Float.POSITIVE_INFINITY, TfjsWeight.halfToFloat((short) 0x7C00));
        assertTrue(Float.isNaN(TfjsWeight.halfToFloat((short) 0x7E00)));
    }

    /** y = x * w + b, with w stored as float16 and b as uint8 (scale 0.5, min -1), split over two weight files. */
    private static final String QUANTISED = """
            {"format": "graph-model",
             "signature": {"inputs": {"x": {"name": "x", "dtype": "DT_FLOAT",
                                            "tensorShape": {"dim": [{"size": "2"}]}}},
                           "outputs": {"y": {"name": "y"}}},
             "modelTopology": {"node": [
               {"name": "x", "op": "Placeholder",
                "attr": {"dtype": {"type": "DT_FLOAT"}, "shape": {"shape": {"dim": [{"size": "2"}]}}}},
               {"name": "w", "op": "Const", "attr": {"dtype": {"type": "DT_FLOAT"},
                "value": {"tensor": {"dtype": "DT_FLOAT", "tensorShape": {"dim": [{"size": "2"}]}}}}},
               {"name": "b", "op": "Const", "attr": {"dtype": {"type": "DT_FLOAT"},
                "value": {"tensor": {"dtype": "DT_FLOAT", "tensorShape": {"dim": [{"size": "2"}]}}}}},
               {"name": "m", "op": "Mul", "input": ["x", "w"], "attr": {"T": {"type": "DT_FLOAT"}}},
               {"name": "y", "op": "AddV2", "input": ["m", "b"], "attr": {"T": {"type": "DT_FLOAT"}}}]},
             "weightsManifest": [{"paths": ["part1.bin", "part2.bin"], "weights": [
               {"name": "w", "shape": [2], "dtype": "float32",
                "quantization": {"dtype": "float16", "original_dtype": "float32"}},
               {"name": "b", "shape": [2], "dtype": "float32",
                "quantization": {"dtype": "uint8", "scale": 0.5, "min": -1, "original_dtype": "float32"}}]}]}
            """;
    // 1.5 and -2 in half precision (little-endian), then the bytes 4 and 0: b = [1, -1]. Split inside w.
    private static final Map<String, byte[]> QUANTISED_FILES = Map.of(
            "part1.bin", new byte[] {0x00, 0x3E, 0x00},
            "part2.bin", new byte[] {(byte) 0xC0, 4, 0});

    /** The graph's output for {@code x}, flattened, converted and run with ONNX Runtime. */
    private static float[] run(TfjsGraph graph, float[] x, long... shape) throws Exception {
        try (OrtSession session = OnnxSessions.open(TfjsToOnnx.convert(graph), "test model", 1);
                OnnxTensor input = OnnxTensor.createTensor(OnnxSessions.environment(), FloatBuffer.wrap(x), shape);
                OrtSession.Result result = session.run(Map.of("x", input))) {
            FloatBuffer out = ((OnnxTensor) result.get(0)).getFloatBuffer();
            float[] values = new float[out.remaining()];
            out.get(values);
            return values;
        }
    }
}
