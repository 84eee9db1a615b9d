package dev.photosearch.models;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds an ONNX model (one graph, the default operator set) and writes its {@code ModelProto} with the field numbers
 * of onnx.proto, so converted and test models need neither generated ONNX classes nor a protobuf library.
 */
public final class OnnxGraph {

    private static final long IR_VERSION = 8;

    private final String name;
    private final List<ProtoWriter> nodes = new ArrayList<>();
    private final List<ProtoWriter> initializers = new ArrayList<>();
    private final List<ProtoWriter> inputs = new ArrayList<>();
    private final List<ProtoWriter> outputs = new ArrayList<>();

    public OnnxGraph(String name) {
        this.name = name;
    }

    /** One attribute of a node, already encoded. */
    public static final class Attribute {
        private final ProtoWriter proto;

        private Attribute(String name, int type) {
            this.proto = new ProtoWriter().string(1, name).varint(20, type);
        }

        public static Attribute of(String name, long value) {
            Attribute a = new Attribute(name, 2);
            a.proto.varint(3, value);
            return a;
        }

        public static Attribute of(String name, float value) {
            Attribute a = new Attribute(name, 1);
            a.proto.float32(2, value);
            return a;
        }

        public static Attribute of(String name, String value) {
            Attribute a = new Attribute(name, 3);
            a.proto.string(4, value);
            return a;
        }

        public static Attribute ints(String name, long... values) {
            Attribute a = new Attribute(name, 7);
            for (long v : values) {
                a.proto.varint(8, v);
            }
            return a;
        }
    }

    /** A graph input; a dimension below 0 is symbolic. */
    public OnnxGraph input(String tensor, ElementType type, List<Long> dims) {
        inputs.add(valueInfo(tensor, type, dims));
        return this;
    }

    /** A graph output; empty {@code dims} leaves the shape to ONNX Runtime's inference. */
    public OnnxGraph output(String tensor, ElementType type, List<Long> dims) {
        outputs.add(valueInfo(tensor, type, dims));
        return this;
    }

    public OnnxGraph initializer(String tensor, TensorValue value) {
        ProtoWriter t = new ProtoWriter();
        value.dims().forEach(d -> t.varint(1, d));
        initializers.add(t.varint(2, value.type().onnx()).string(8, tensor).bytes(9, value.bytes()));
        return this;
    }

    /** A node; an empty input name stands for an optional input left out. */
    public OnnxGraph node(String op, List<String> in, List<String> out, Attribute... attributes) {
        ProtoWriter n = new ProtoWriter();
        in.forEach(i -> n.string(1, i));
        out.forEach(o -> n.string(2, o));
        n.string(3, op + "_" + nodes.size()).string(4, op);
        for (Attribute a : attributes) {
            n.message(5, a.proto);
        }
        nodes.add(n);
        return this;
    }

    /** The serialised ModelProto for {@code opset} of the default domain. */
    public byte[] bytes(int opset) {
        ProtoWriter graph = new ProtoWriter();
        nodes.forEach(n -> graph.message(1, n));
        graph.string(2, name);
        initializers.forEach(t -> graph.message(5, t));
        inputs.forEach(i -> graph.message(11, i));
        outputs.forEach(o -> graph.message(12, o));
        return new ProtoWriter().varint(1, IR_VERSION).string(2, "photosearch").message(7, graph)
                .message(8, new ProtoWriter().string(1, "").varint(2, opset)).toByteArray();
    }

    private static ProtoWriter valueInfo(String tensor, ElementType type, List<Long> dims) {
        ProtoWriter tensorType = new ProtoWriter().varint(1, type.onnx());
        if (!dims.isEmpty()) {
            ProtoWriter shape = new ProtoWriter();
            for (int i = 0; i < dims.size(); i++) {
                long d = dims.get(i);
                shape.message(1, d >= 0 ? new ProtoWriter().varint(1, d) : new ProtoWriter().string(2, "d" + i));
            }
            tensorType.message(2, shape);
        }
        return new ProtoWriter().string(1, tensor).message(2, new ProtoWriter().message(1, tensorType));
    }
}
