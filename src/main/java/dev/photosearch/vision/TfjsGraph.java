package dev.photosearch.vision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.proto.TensorShapeProto;

/**
 * A TensorFlow.js graph model ({@code model.json} and its weight files) turned into a TensorFlow {@link GraphDef}:
 * the topology is already a GraphDef in JSON, and every weight becomes the content of its Const node.
 *
 * @param graph      the graph, ready for {@code Graph.importGraphDef}
 * @param input      name of the signature's single input
 * @param inputShape its shape (batch, height, width, channels for images)
 * @param outputs    names of the signature's outputs
 */
public record TfjsGraph(GraphDef graph, String input, List<Long> inputShape, List<String> outputs) {

    /** Reads weight files named in the model's manifest. */
    @FunctionalInterface
    public interface WeightFiles {
        byte[] read(String path) throws IOException;
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    // TF.js names the fused depthwise convolution without the underscore TensorFlow's internal op has.
    private static final Map<String, String> OP_RENAMES = Map.of(
            "FusedDepthwiseConv2dNative", "_FusedDepthwiseConv2dNative");
    // Fused ops whose TensorFlow definition types the extra arguments (bias, ...) in TArgs, which TF.js leaves out.
    private static final Set<String> TYPED_ARGS = Set.of("_FusedConv2D");

    public TfjsGraph {
        inputShape = List.copyOf(inputShape);
        outputs = List.copyOf(outputs);
    }

    /** Parses {@code model.json} and the weights it names; throws IOException when either is malformed. */
    public static TfjsGraph read(byte[] modelJson, WeightFiles weightFiles) throws IOException {
        JsonNode model = JSON.readTree(modelJson);
        JsonNode nodes = model.path("modelTopology").path("node");
        if (!nodes.isArray() || nodes.isEmpty()) {
            throw new IOException("not a TensorFlow.js graph model: no modelTopology.node list");
        }
        Map<String, TensorProto> weights = weights(model.path("weightsManifest"), weightFiles);
        GraphDef.Builder graph = GraphDef.newBuilder();
        for (JsonNode node : nodes) {
            graph.addNode(node(node, weights));
        }
        JsonNode inputs = model.path("signature").path("inputs");
        if (inputs.size() != 1) {
            throw new IOException("expected one signature input, found " + inputs.size());
        }
        JsonNode input = inputs.elements().next();
        List<Long> shape = new ArrayList<>();
        for (JsonNode dim : input.path("tensorShape").path("dim")) {
            shape.add(dim.path("size").asLong());
        }
        List<String> outputs = new ArrayList<>();
        model.path("signature").path("outputs").forEach(o -> outputs.add(o.path("name").asText()));
        return new TfjsGraph(graph.build(), input.path("name").asText(), shape, outputs);
    }

    private static NodeDef node(JsonNode json, Map<String, TensorProto> weights) throws IOException {
        String name = json.path("name").asText();
        String op = json.path("op").asText();
        NodeDef.Builder node = NodeDef.newBuilder().setName(name).setOp(OP_RENAMES.getOrDefault(op, op));
        json.path("input").forEach(i -> node.addInput(i.asText()));
        if (json.hasNonNull("device")) {
            node.setDevice(json.get("device").asText());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = json.path("attr").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> attr = it.next();
            node.putAttr(attr.getKey(), attr(attr.getValue()));
        }
        if (op.equals("Const")) {
            TensorProto value = weights.get(name);
            if (value == null) {
                throw new IOException("Const node " + name + " has no weights in the manifest");
            }
            if (node.getAttrOrDefault("dtype", AttrValue.getDefaultInstance()).getType() == DataType.DT_INT64) {
                // TF.js has no int64: the converter stored these constants as int32.
                value = TfjsWeight.widenToInt64(value);
            }
            node.putAttr("value", AttrValue.newBuilder().setTensor(value).build());
        }
        if (OP_RENAMES.containsKey(op)) {
            // The internal op has no explicit paddings; TF.js writes an empty list that TensorFlow would warn about.
            node.removeAttr("explicit_paddings");
        }
        if (TYPED_ARGS.contains(op) && !node.containsAttr("TArgs")) {
            AttrValue.ListValue.Builder types = AttrValue.ListValue.newBuilder();
            long args = node.getAttrOrDefault("num_args", AttrValue.getDefaultInstance()).getI();
            for (long i = 0; i < args; i++) {
                types.addType(node.getAttrOrThrow("T").getType());
            }
            node.putAttr("TArgs", AttrValue.newBuilder().setList(types).build());
        }
        return node.build();
    }

    /** One attribute value in the protobuf JSON mapping of {@code AttrValue}. */
    private static AttrValue attr(JsonNode json) throws IOException {
        AttrValue.Builder value = AttrValue.newBuilder();
        if (json.has("type")) {
            value.setType(dataType(json.get("type").asText()));
        } else if (json.has("i")) {
            value.setI(json.get("i").asLong());
        } else if (json.has("f")) {
            value.setF((float) json.get("f").asDouble());
        } else if (json.has("b")) {
            value.setB(json.get("b").asBoolean());
        } else if (json.has("s")) {
            value.setS(ByteString.copyFrom(Base64.getDecoder().decode(json.get("s").asText())));
        } else if (json.has("shape")) {
            value.setShape(shape(json.get("shape")));
        } else if (json.has("list")) {
            value.setList(list(json.get("list")));
        } else if (json.has("tensor")) {
            // Const values are filled from the weights; the JSON only holds dtype and shape.
            value.setTensor(TensorProto.newBuilder().setDtype(dataType(json.get("tensor").path("dtype").asText()))
                    .setTensorShape(shape(json.get("tensor").path("tensorShape"))));
        } else {
            throw new IOException("unsupported attribute value " + json);
        }
        return value.build();
    }

    private static AttrValue.ListValue list(JsonNode json) throws IOException {
        AttrValue.ListValue.Builder list = AttrValue.ListValue.newBuilder();
        for (JsonNode i : json.path("i")) {
            list.addI(i.asLong());
        }
        for (JsonNode f : json.path("f")) {
            list.addF((float) f.asDouble());
        }
        for (JsonNode b : json.path("b")) {
            list.addB(b.asBoolean());
        }
        for (JsonNode s : json.path("s")) {
            list.addS(ByteString.copyFrom(Base64.getDecoder().decode(s.asText())));
        }
        for (JsonNode t : json.path("type")) {
            list.addType(dataType(t.asText()));
        }
        for (JsonNode shape : json.path("shape")) {
            list.addShape(shape(shape));
        }
        return list.build();
    }

    private static TensorShapeProto shape(JsonNode json) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        if (json.path("unknownRank").asBoolean(false)) {
            shape.setUnknownRank(true);
        }
        for (JsonNode dim : json.path("dim")) {
            shape.addDim(TensorShapeProto.Dim.newBuilder().setSize(dim.path("size").asLong(0)));
        }
        return shape.build();
    }

    private static DataType dataType(String name) throws IOException {
        try {
            return DataType.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IOException("unknown data type " + name, e);
        }
    }

    /** Every weight of the manifest as a tensor, read from the weight files in manifest order. */
    private static Map<String, TensorProto> weights(JsonNode manifest, WeightFiles files) throws IOException {
        Map<String, TensorProto> weights = new HashMap<>();
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
