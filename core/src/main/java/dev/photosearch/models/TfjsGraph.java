package dev.photosearch.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A TensorFlow.js graph model as written by tensorflowjs_converter: the nodes of {@code model.json}'s topology, the
 * weights of its manifest (dequantised) and its signature.
 *
 * @param nodes      the graph's nodes, in file order
 * @param constants  the value of every Const node, by node name
 * @param input      the signature's single input (batch, height, width, channels for images)
 * @param outputs    the signature's outputs
 */
public record TfjsGraph(List<TfjsNode> nodes, Map<String, TensorValue> constants, TensorSpec input,
        List<TensorSpec> outputs) {

    /** Reads weight files named in the model's manifest. */
    @FunctionalInterface
    public interface WeightFiles {
        byte[] read(String path) throws IOException;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public TfjsGraph {
        nodes = List.copyOf(nodes);
        constants = Map.copyOf(constants);
        outputs = List.copyOf(outputs);
    }

    /** Parses {@code model.json} and the weights it names; throws IOException when either is malformed. */
    public static TfjsGraph read(byte[] modelJson, WeightFiles weightFiles) throws IOException {
        JsonNode model = JSON.readTree(modelJson);
        JsonNode json = model.path("modelTopology").path("node");
        if (!json.isArray() || json.isEmpty()) {
            throw new IOException("not a TensorFlow.js graph model: no modelTopology.node list");
        }
        Map<String, TensorValue> weights = weights(model.path("weightsManifest"), weightFiles);
        List<TfjsNode> nodes = new ArrayList<>();
        Map<String, TensorValue> constants = new HashMap<>();
        for (JsonNode n : json) {
            TfjsNode node = TfjsNode.of(n);
            nodes.add(node);
            if (node.op().equals("Const")) {
                constants.put(node.name(), constant(node, weights));
            }
        }
        JsonNode inputs = model.path("signature").path("inputs");
        if (inputs.size() != 1) {
            throw new IOException("expected one signature input, found " + inputs.size());
        }
        List<TensorSpec> outputs = new ArrayList<>();
        for (JsonNode output : model.path("signature").path("outputs")) {
            outputs.add(spec(output));
        }
        return new TfjsGraph(nodes, constants, spec(inputs.elements().next()), outputs);
    }

    /** A signature entry; a missing type is float, as every TF.js image model's. */
    private static TensorSpec spec(JsonNode json) throws IOException {
        List<Long> shape = new ArrayList<>();
        json.path("tensorShape").path("dim").forEach(d -> shape.add(d.path("size").asLong(-1)));
        return new TensorSpec(json.path("name").asText(), ElementType.ofTensorFlow(json.path("dtype").asText("DT_FLOAT")),
                shape);
    }

    private static TensorValue constant(TfjsNode node, Map<String, TensorValue> weights) throws IOException {
        TensorValue value = weights.get(node.name());
        if (value == null) {
            throw new IOException("Const node " + node.name() + " has no weights in the manifest");
        }
        // TF.js has no int64: the converter stored these constants as int32.
        return node.type("dtype") == ElementType.INT64 && value.type() == ElementType.INT32 ? value.widened() : value;
    }

    /** Every weight of the manifest as a tensor, read from the weight files in manifest order. */
    private static Map<String, TensorValue> weights(JsonNode manifest, WeightFiles files) throws IOException {
        Map<String, TensorValue> weights = new HashMap<>();
        for (JsonNode group : manifest) {
            ByteBuffer data = groupBytes(group, files);
            for (JsonNode weight : group.path("weights")) {
                TfjsWeight spec = TfjsWeight.of(weight);
                if (data.remaining() < spec.storedBytes()) {
                    throw new IOException("weight file too short for " + spec.name());
                }
                ByteBuffer slice = data.slice().order(ByteOrder.LITTLE_ENDIAN).limit(spec.storedBytes());
                data.position(data.position() + spec.storedBytes());
                weights.put(spec.name(), spec.tensor(slice));
            }
        }
        return weights;
    }

    /** A weight group's files, concatenated in order. */
    private static ByteBuffer groupBytes(JsonNode group, WeightFiles files) throws IOException {
        List<byte[]> parts = new ArrayList<>();
        int total = 0;
        for (JsonNode path : group.path("paths")) {
            byte[] part = files.read(path.asText());
            parts.add(part);
            total = Math.addExact(total, part.length);
        }
        ByteBuffer all = ByteBuffer.allocate(total);
        parts.forEach(all::put);
        return all.flip();
    }
}
