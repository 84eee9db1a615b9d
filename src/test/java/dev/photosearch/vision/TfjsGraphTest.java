package dev.photosearch.vision;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.types.TFloat32;

class TfjsGraphTest {

    /** A graph with one float input "x" of 2 values and one output "y"; the nodes after "x" follow. */
    private static final String HEADER = """
            {"format": "graph-model",
             "signature": {"inputs": {"x": {"name": "x", "dtype": "DT_FLOAT",
                                            "tensorShape": {"dim": [{"size": "2"}]}}},
                           "outputs": {"y": {"name": "y"}}},
             "modelTopology": {"node": [
               {"name": "x", "op": "Placeholder",
                "attr": {"dtype": {"type": "DT_FLOAT"}, "shape": {"shape": {"dim": [{"size": "2"}]}}}},
            """;

    /** y = x * w + b, with w stored as float16 and b as uint8 (scale 0.5, min -1), split over two weight files. */
    private static final String TINY = HEADER + """
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
    private static final Map<String, byte[]> FILES = Map.of(
            "part1.bin", new byte[] {0x00, 0x3E, 0x00},
            "part2.bin", new byte[] {(byte) 0xC0, 4, 0});

    @Test
    void tinyModelRunsWithDequantisedWeights() throws Exception {
        TfjsGraph model = TfjsGraph.read(TINY.getBytes(StandardCharsets.UTF_8), FILES::get);

        assertEquals("x", model.input());
        assertEquals(List.of(2L), model.inputShape());
        assertEquals(List.of("y"), model.outputs());
        assertArrayEquals(new float[] {4f, -7f}, run(model, 2f, 3f));
    }

    /** y for x, with the graph imported into TensorFlow. */
    private static float[] run(TfjsGraph model, float x0, float x1) {
        try (Graph graph = new Graph()) {
            graph.importGraphDef(model.graph());
            try (Session session = new Session(graph);
                    TFloat32 x = TFloat32.vectorOf(x0, x1);
                    Result result = session.runner().feed("x", x).fetch("y").run()) {
                TFloat32 y = (TFloat32) result.get(0);
                return new float[] {y.getFloat(0), y.getFloat(1)};
            }
        }
    }

    /** An int64 constant, which TF.js stores as int32, cast to float. */
    private static final String INT64 = HEADER + """
               {"name": "n", "op": "Const", "attr": {"dtype": {"type": "DT_INT64"},
                "value": {"tensor": {"dtype": "DT_INT64", "tensorShape": {"dim": [{"size": "2"}]}}}}},
               {"name": "f", "op": "Cast", "input": ["n"],
                "attr": {"SrcT": {"type": "DT_INT64"}, "DstT": {"type": "DT_FLOAT"}, "Truncate": {"b": false}}},
               {"name": "y", "op": "AddV2", "input": ["x", "f"], "attr": {"T": {"type": "DT_FLOAT"}}}]},
             "weightsManifest": [{"paths": ["n.bin"], "weights": [{"name": "n", "shape": [2], "dtype": "int32"}]}]}
            """;

    @Test
    void int64ConstantsStoredAsInt32AreWidened() throws Exception {
        // 5 and -3 as little-endian int32.
        byte[] n = {5, 0, 0, 0, (byte) 0xFD, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
        TfjsGraph model = TfjsGraph.read(INT64.getBytes(StandardCharsets.UTF_8), Map.of("n.bin", n)::get);

        assertArrayEquals(new float[] {5.5f, -2f}, run(model, 0.5f, 1f));
    }

    @Test
    void shortWeightFileIsAnError() {
        Map<String, byte[]> cut = Map.of("part1.bin", new byte[] {0x00, 0x3E, 0x00}, "part2.bin", new byte[] {1});

        IOException e = assertThrows(IOException.class,
                () -> TfjsGraph.read(TINY.getBytes(StandardCharsets.UTF_8), cut::get));
        assertTrue(e.getMessage().contains("too short"), e.getMessage());
    }

    @Test
    void notAModelIsAnError() {
        assertThrows(IOException.class, () -> TfjsGraph.read("{\"a\": 1}".getBytes(StandardCharsets.UTF_8),
                FILES::get));
        assertThrows(IOException.class, () -> TfjsGraph.read("not json".getBytes(StandardCharsets.UTF_8),
                FILES::get));
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
}
