package dev.photosearch.models;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * Writes small TensorFlow.js graph models for tests, in the shape tensorflowjs_converter writes them: a float input
 * "x", nodes in the protobuf JSON mapping of NodeDef, and float32 or int32 weights in one file "w.bin".
 */
final class TfjsModel {

    private final List<String> nodes = new ArrayList<>();
    private final List<String> weights = new ArrayList<>();
    private final ByteArrayOutputStream bin = new ByteArrayOutputStream();
    private final String inputShape;

    TfjsModel(long... xShape) {
        this.inputShape = dims(xShape);
        nodes.add("{\"name\": \"x\", \"op\": \"Placeholder\", \"attr\": {\"dtype\": {\"type\": \"DT_FLOAT\"}, "
                + "\"shape\": {\"shape\": " + inputShape + "}}}");
    }

    TfjsModel floats(String name, float[] values, long... shape) {
        ByteBuffer data = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            data.putFloat(v);
        }
        return constant(name, "float32", "DT_FLOAT", data.array(), shape);
    }

    TfjsModel ints(String name, int[] values, long... shape) {
        ByteBuffer data = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            data.putInt(v);
        }
        return constant(name, "int32", "DT_INT32", data.array(), shape);
    }

    /** A node; {@code attrs} is the JSON of its attr object's members (see {@link #text}, {@link #list}). */
    TfjsModel node(String name, String op, List<String> inputs, String attrs) {
        String in = inputs.stream().map(i -> "\"" + i + "\"").collect(Collectors.joining(", "));
        nodes.add("{\"name\": \"" + name + "\", \"op\": \"" + op + "\", \"input\": [" + in + "], \"attr\": {" + attrs
                + "}}");
        return this;
    }

    /** The model with one float output, parsed as the application parses it. */
    TfjsGraph graph(String output) throws IOException {
        String json = "{\"format\": \"graph-model\", \"signature\": {"
                + "\"inputs\": {\"x\": {\"name\": \"x\", \"dtype\": \"DT_FLOAT\", \"tensorShape\": " + inputShape + "}},"
                + "\"outputs\": {\"y\": {\"name\": \"" + output + "\", \"dtype\": \"DT_FLOAT\"}}},"
                + "\"modelTopology\": {\"node\": [" + String.join(",\n", nodes) + "]},"
                + "\"weightsManifest\": [{\"paths\": [\"w.bin\"], \"weights\": [" + String.join(", ", weights) + "]}]}";
        return TfjsGraph.read(json.getBytes(StandardCharsets.UTF_8), Map.of("w.bin", bin.toByteArray())::get);
    }

    /** A string attribute, base64 as in the JSON mapping: {@code "padding": {"s": "U0FNRQ=="}}. */
    static String text(String key, String value) {
        return "\"" + key + "\": {\"s\": \"" + base64(value) + "\"}";
    }

    static String list(String key, long... values) {
        return "\"" + key + "\": {\"list\": {\"i\": [" + LongStream.of(values).mapToObj(v -> "\"" + v + "\"")
                .collect(Collectors.joining(", ")) + "]}}";
    }

    static String texts(String key, String... values) {
        return "\"" + key + "\": {\"list\": {\"s\": [" + List.of(values).stream().map(v -> "\"" + base64(v) + "\"")
                .collect(Collectors.joining(", ")) + "]}}";
    }

    private TfjsModel constant(String name, String dtype, String tfType, byte[] data, long[] shape) {
        nodes.add("{\"name\": \"" + name + "\", \"op\": \"Const\", \"attr\": {\"dtype\": {\"type\": \"" + tfType
                + "\"}, \"value\": {\"tensor\": {\"dtype\": \"" + tfType + "\", \"tensorShape\": " + dims(shape) + "}}}}");
        weights.add("{\"name\": \"" + name + "\", \"shape\": [" + LongStream.of(shape).mapToObj(Long::toString)
                .collect(Collectors.joining(", ")) + "], \"dtype\": \"" + dtype + "\"}");
        bin.writeBytes(data);
        return this;
    }

    private static String dims(long[] shape) {
        return "{\"dim\": [" + LongStream.of(shape).mapToObj(d -> "{\"size\": \"" + d + "\"}")
                .collect(Collectors.joining(", ")) + "]}";
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
