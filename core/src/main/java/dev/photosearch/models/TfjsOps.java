package dev.photosearch.models;

import dev.photosearch.models.OnnxGraph.Attribute;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Translates TensorFlow nodes into ONNX nodes, one op at a time. Tensors stay in TensorFlow's layout (NHWC for
 * images); convolutions, pooling, batch norm and resizing, which ONNX defines channels-first, are wrapped in
 * transposes that ONNX Runtime's optimiser cancels between neighbouring ops. Convolution weights are reordered here,
 * once, so the model file holds them as ONNX wants them.
 */
final class TfjsOps {

    private static final Map<String, String> SAME_OP = Map.ofEntries(
            Map.entry("Identity", "Identity"), Map.entry("Add", "Add"), Map.entry("AddV2", "Add"),
            Map.entry("BiasAdd", "Add"), Map.entry("Sub", "Sub"), Map.entry("Mul", "Mul"),
            Map.entry("RealDiv", "Div"), Map.entry("Maximum", "Max"), Map.entry("Minimum", "Min"),
            Map.entry("Relu", "Relu"), Map.entry("Sigmoid", "Sigmoid"), Map.entry("Tanh", "Tanh"),
            Map.entry("Exp", "Exp"), Map.entry("Log", "Log"), Map.entry("Sqrt", "Sqrt"), Map.entry("Abs", "Abs"),
            Map.entry("Neg", "Neg"), Map.entry("Floor", "Floor"), Map.entry("Reciprocal", "Reciprocal"),
            Map.entry("Elu", "Elu"), Map.entry("Equal", "Equal"), Map.entry("Greater", "Greater"),
            Map.entry("Less", "Less"), Map.entry("GreaterEqual", "GreaterOrEqual"),
            Map.entry("LessEqual", "LessOrEqual"), Map.entry("LogicalAnd", "And"), Map.entry("SelectV2", "Where"), Map.entry("AddN", "Sum"));
    private static final Map<String, String> REDUCE = Map.of(
            "Mean", "ReduceMean", "Max", "ReduceMax", "Min", "ReduceMin", "Prod", "ReduceProd");
    private static final long[] TO_CHANNELS_FIRST = {0, 3, 1, 2};
    private static final long[] TO_CHANNELS_LAST = {0, 2, 3, 1};

    private final OnnxGraph onnx;
    private final Map<String, TensorValue> constants;
    private final Set<String> written = new HashSet<>();

    TfjsOps(OnnxGraph onnx, Map<String, TensorValue> constants) {
        this.onnx = onnx;
        this.constants = constants;
    }

    /** Adds the ONNX nodes computing {@code node}'s outputs; an IOException names an op or form not supported. */
    void translate(TfjsNode node) throws IOException {
        String op = node.op();
        if (SAME_OP.containsKey(op)) {
            emit(SAME_OP.get(op), node, node.inputs().size(), node.name());
            return;
        }
        if (REDUCE.containsKey(op)) {
            emit(REDUCE.get(op), List.of(in(node, 0)), node.name(), Attribute.ints("axes", ints(node, 1)),
                    Attribute.of("keepdims", node.flag("keep_dims", false) ? 1L : 0L));
            return;
        }
        switch (op) {
            case "Const", "Placeholder", "NoOp" -> { }
            case "LeakyRelu" -> emit("LeakyRelu", node, 1, node.name(), leakyAlpha(node, "alpha"));
            case "Relu6" -> relu6(in(node, 0), node.name(), node);
            case "Rsqrt" -> emit("Reciprocal", List.of(emit("Sqrt", List.of(in(node, 0)), fresh(node, "sqrt"))),
                    node.name());
            case "Square" -> emit("Mul", List.of(in(node, 0), in(node, 0)), node.name());
            case "Sum" -> emit("ReduceSum", List.of(in(node, 0), int64(node, 1)), node.name(),
                    Attribute.of("keepdims", node.flag("keep_dims", false) ? 1L : 0L));
            case "Conv2D", "_FusedConv2D" -> convolution(node, false);
            case "DepthwiseConv2dNative", "FusedDepthwiseConv2dNative" -> convolution(node, true);
            case "FusedBatchNorm", "FusedBatchNormV3" -> batchNorm(node);
            case "MaxPool", "AvgPool" -> pool(node);
            case "ResizeBilinear" -> resize(node);
            case "ConcatV2" -> concat(node);
            case "Reshape" -> emit("Reshape", List.of(in(node, 0), int64(node, 1)), node.name());
            case "Cast" -> emit("Cast", List.of(in(node, 0)), node.name(), Attribute.of("to", (long) node.type("DstT").onnx()));
            case "ExpandDims" -> emit("Unsqueeze", List.of(in(node, 0), int64(node, 1)), node.name());
            case "Squeeze" -> squeeze(node);
            case "Transpose" -> emit("Transpose", List.of(in(node, 0)), node.name(), Attribute.ints("perm", ints(node, 1)));
            case "Pad", "PadV2", "MirrorPad" -> pad(node);
            case "StridedSlice" -> stridedSlice(node);
            case "GatherV2" -> gather(node);
            case "TopKV2" -> topK(node);
            case "FloorDiv" -> floorDiv(node);
            case "FloorMod" -> floorMod(node, in(node, 0), in(node, 1), node.name());
            case "Softmax" -> emit("Softmax", node, 1, node.name(), Attribute.of("axis", -1L));
            case "Pack" -> pack(node);
            case "Tile" -> emit("Tile", List.of(in(node, 0), int64(node, 1)), node.name());
            case "Shape" -> emit("Cast", List.of(emit("Shape", List.of(in(node, 0)), fresh(node, "shape"))),
                    node.name(), Attribute.of("to", (long) node.type("out_type").onnx()));
            default -> throw new IOException("unsupported TensorFlow.js op " + op + " (node " + node.name() + ")");
        }
    }

    /** The ONNX name of a TensorFlow tensor reference ("node" or "node:0" is "node", "node:k" stays). */
    static String tensor(String reference) {
        return reference.endsWith(":0") ? reference.substring(0, reference.length() - 2) : reference;
    }

    // --- convolution, pooling, normalisation ---

    private void convolution(TfjsNode node, boolean depthwise) throws IOException {
        boolean channelsLast = channelsLast(node);
        TensorValue kernel = constant(node, 1);
        TensorValue weights;
        long groups = 1;
        if (depthwise) {
            // [H, W, C, M] -> [C, M, H, W] -> [C*M, 1, H, W], output channel c*M + m as in TensorFlow.
            List<Long> d = kernel.dims();
            weights = kernel.transposed(2, 3, 0, 1).reshaped(List.of(d.get(2) * d.get(3), 1L, d.get(0), d.get(1)));
            groups = d.get(2);
        } else {
            weights = kernel.transposed(3, 2, 0, 1);
        }
        List<String> fused = node.texts("fused_ops");
        boolean bias = !fused.isEmpty() && fused.get(0).equals("BiasAdd");
        List<String> inputs = bias
                ? List.of(channelsFirst(node, in(node, 0), channelsLast), initializer(node, "weights", weights), in(node, 2))
                : List.of(channelsFirst(node, in(node, 0), channelsLast), initializer(node, "weights", weights));
        String y = emit("Conv", inputs, fresh(node, "conv"), Attribute.of("group", groups),
                Attribute.ints("kernel_shape", kernel.dims().get(0), kernel.dims().get(1)),
                Attribute.ints("strides", spatial(node.integers("strides"), channelsLast)),
                Attribute.ints("dilations", spatial(node.integers("dilations"), channelsLast)), padding(node, channelsLast));
        int next = bias ? 1 : 0;
        if (next < fused.size() && fused.get(next).equals("FusedBatchNorm")) {
            y = emit("BatchNormalization", List.of(y, in(node, 2), in(node, 3), in(node, 4), in(node, 5)),
                    fresh(node, "norm"), Attribute.of("epsilon", node.real("epsilon", 1e-3f)));
            next++;
        } else if (next == 0 && !fused.isEmpty()) {
            throw new IOException(node.op() + " node " + node.name() + ": unsupported fused ops " + fused);
        }
        y = activation(node, fused.subList(Math.min(next, fused.size()), fused.size()), y);
        channelsBack(node, y, channelsLast);
    }

    /** The fused activations after the bias or normalisation. */
    private String activation(TfjsNode node, List<String> ops, String x) throws IOException {
        String y = x;
        for (String op : ops) {
            String out = fresh(node, op.toLowerCase());
            y = switch (op) {
                case "Relu", "Sigmoid", "Tanh", "Elu" -> emit(op, List.of(y), out);
                case "Relu6" -> relu6(y, out, node);
                case "LeakyRelu" -> emit("LeakyRelu", List.of(y), out, leakyAlpha(node, "leakyrelu_alpha"));
                default -> throw new IOException(node.op() + " node " + node.name() + ": unsupported fused op " + op);
            };
        }
        return y;
    }

    private void batchNorm(TfjsNode node) throws IOException {
        if (node.flag("is_training", false)) {
            throw new IOException("FusedBatchNorm node " + node.name() + " is in training mode");
        }
        boolean channelsLast = channelsLast(node);
        String y = emit("BatchNormalization", List.of(channelsFirst(node, in(node, 0), channelsLast), in(node, 1),
                in(node, 2), in(node, 3), in(node, 4)), fresh(node, "norm"),
                Attribute.of("epsilon", node.real("epsilon", 1e-4f)));
        channelsBack(node, y, channelsLast);
    }

    private void pool(TfjsNode node) throws IOException {
        boolean channelsLast = channelsLast(node);
        String x = channelsFirst(node, in(node, 0), channelsLast);
        Attribute kernel = Attribute.ints("kernel_shape", spatial(node.integers("ksize"), channelsLast));
        Attribute strides = Attribute.ints("strides", spatial(node.integers("strides"), channelsLast));
        String y = node.op().equals("MaxPool")
                ? emit("MaxPool", List.of(x), fresh(node, "pool"), kernel, strides, padding(node, channelsLast))
                // TensorFlow averages over the window's pixels inside the image only.
                : emit("AveragePool", List.of(x), fresh(node, "pool"), kernel, strides, padding(node, channelsLast),
                        Attribute.of("count_include_pad", 0L));
        channelsBack(node, y, channelsLast);
    }

    private Attribute padding(TfjsNode node, boolean channelsLast) throws IOException {
        String padding = node.text("padding", "VALID");
        return switch (padding) {
            // TensorFlow puts the odd pixel of SAME padding at the end, as ONNX's SAME_UPPER.
            case "SAME" -> Attribute.of("auto_pad", "SAME_UPPER");
            case "VALID" -> Attribute.of("auto_pad", "VALID");
            case "EXPLICIT" -> {
                long[] p = node.integers("explicit_paddings");
                int h = channelsLast ? 2 : 4;
                int w = channelsLast ? 4 : 6;
                yield Attribute.ints("pads", p[h], p[w], p[h + 1], p[w + 1]);
            }
            default -> throw new IOException(node.op() + " node " + node.name() + ": unsupported padding " + padding);
        };
    }

    private static boolean channelsLast(TfjsNode node) throws IOException {
        String format = node.text("data_format", "NHWC");
        if (!format.equals("NHWC") && !format.equals("NCHW")) {
            throw new IOException(node.op() + " node " + node.name() + ": unsupported data format " + format);
        }
        return format.equals("NHWC");
    }

    /** Height and width of a four-value attribute (strides, dilations, window) in the node's layout. */
    private static long[] spatial(long[] values, boolean channelsLast) {
        if (values.length != 4) {
            return new long[] {1, 1};
        }
        return channelsLast ? new long[] {values[1], values[2]} : new long[] {values[2], values[3]};
    }

    private String channelsFirst(TfjsNode node, String x, boolean channelsLast) {
        return channelsLast ? emit("Transpose", List.of(x), fresh(node, "nchw"),
                Attribute.ints("perm", TO_CHANNELS_FIRST)) : x;
    }

    private void channelsBack(TfjsNode node, String y, boolean channelsLast) {
        if (channelsLast) {
            emit("Transpose", List.of(y), node.name(), Attribute.ints("perm", TO_CHANNELS_LAST));
        } else {
            emit("Identity", List.of(y), node.name());
        }
    }

    // --- shapes and indexing ---

    private void resize(TfjsNode node) throws IOException {
        String x = emit("Transpose", List.of(in(node, 0)), fresh(node, "nchw"),
                Attribute.ints("perm", TO_CHANNELS_FIRST));
        String batchAndChannels = emit("Slice", List.of(emit("Shape", List.of(x), fresh(node, "shape")),
                initializer(node, "zero", TensorValue.vector(0)), initializer(node, "two", TensorValue.vector(2))),
                fresh(node, "nc"));
        String sizes = emit("Concat", List.of(batchAndChannels, int64(node, 1)), fresh(node, "sizes"),
                Attribute.of("axis", 0L));
        String mode = node.flag("align_corners", false) ? "align_corners"
                : node.flag("half_pixel_centers", false) ? "half_pixel" : "asymmetric";
        String y = emit("Resize", List.of(x, "", "", sizes), fresh(node, "resized"), Attribute.of("mode", "linear"),
                Attribute.of("coordinate_transformation_mode", mode));
        emit("Transpose", List.of(y), node.name(), Attribute.ints("perm", TO_CHANNELS_LAST));
    }

    private void concat(TfjsNode node) throws IOException {
        int last = node.inputs().size() - 1;
        long axis = ints(node, last)[0];
        emit("Concat", node, last, node.name(), Attribute.of("axis", axis));
    }

    private void squeeze(TfjsNode node) throws IOException {
        long[] axes = node.integers("squeeze_dims");
        if (axes.length == 0) {
            emit("Squeeze", List.of(in(node, 0)), node.name());
        } else {
            emit("Squeeze", List.of(in(node, 0), initializer(node, "axes", TensorValue.vector(axes))), node.name());
        }
    }

    private void pack(TfjsNode node) throws IOException {
        String axis = initializer(node, "axis", TensorValue.vector(node.integer("axis", 0)));
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < node.inputs().size(); i++) {
            parts.add(emit("Unsqueeze", List.of(in(node, i), axis), fresh(node, "part" + i)));
        }
        emit("Concat", parts, node.name(), Attribute.of("axis", node.integer("axis", 0)));
    }

    private void pad(TfjsNode node) throws IOException {
        // TensorFlow's [rank, 2] (before, after) pairs are ONNX's all befores, then all afters.
        String pads = emit("Reshape", List.of(emit("Transpose", List.of(int64(node, 1, false)), fresh(node, "pairs"),
                Attribute.ints("perm", 1, 0)), initializer(node, "flat", TensorValue.vector(-1))), fresh(node, "pads"));
        String mode = node.op().equals("MirrorPad") ? node.text("mode", "REFLECT").toLowerCase() : "constant";
        if (mode.equals("symmetric")) {
            throw new IOException("MirrorPad node " + node.name() + ": SYMMETRIC mode is not supported");
        }
        List<String> inputs = node.op().equals("PadV2") ? List.of(in(node, 0), pads, in(node, 2))
                : List.of(in(node, 0), pads);
        emit("Pad", inputs, node.name(), Attribute.of("mode", mode));
    }

    private void stridedSlice(TfjsNode node) throws IOException {
        if (node.integer("ellipsis_mask", 0) != 0 || node.integer("new_axis_mask", 0) != 0) {
            throw new IOException("StridedSlice node " + node.name() + ": ellipsis and new axis masks are not supported");
        }
        long[] begin = ints(node, 1);
        long[] end = ints(node, 2);
        long[] steps = ints(node, 3);
        long beginMask = node.integer("begin_mask", 0);
        long endMask = node.integer("end_mask", 0);
        long shrinkMask = node.integer("shrink_axis_mask", 0);
        long[] axes = new long[begin.length];
        List<Long> shrunk = new ArrayList<>();
        for (int i = 0; i < begin.length; i++) {
            axes[i] = i;
            boolean forward = steps[i] > 0;
            if ((beginMask & (1L << i)) != 0) {
                begin[i] = forward ? 0 : Long.MAX_VALUE;
            }
            if ((shrinkMask & (1L << i)) != 0) {
                end[i] = begin[i] == -1 ? Long.MAX_VALUE : begin[i] + 1;
                shrunk.add((long) i);
            } else if ((endMask & (1L << i)) != 0) {
                end[i] = forward ? Long.MAX_VALUE : Long.MIN_VALUE;
            }
        }
        String out = shrunk.isEmpty() ? node.name() : fresh(node, "slice");
        emit("Slice", List.of(in(node, 0), initializer(node, "starts", TensorValue.vector(begin)),
                initializer(node, "ends", TensorValue.vector(end)), initializer(node, "axes", TensorValue.vector(axes)),
                initializer(node, "steps", TensorValue.vector(steps))), out);
        if (!shrunk.isEmpty()) {
            long[] squeezed = shrunk.stream().mapToLong(Long::longValue).toArray();
            emit("Squeeze", List.of(out, initializer(node, "shrunk", TensorValue.vector(squeezed))), node.name());
        }
    }

    private void gather(TfjsNode node) throws IOException {
        if (node.integer("batch_dims", 0) != 0) {
            throw new IOException("GatherV2 node " + node.name() + ": batch_dims is not supported");
        }
        emit("Gather", List.of(in(node, 0), in(node, 1)), node.name(), Attribute.of("axis", ints(node, 2)[0]));
    }

    private void topK(TfjsNode node) throws IOException {
        String indices = fresh(node, "indices");
        onnx.node("TopK", List.of(in(node, 0), int64(node, 1)), List.of(node.name(), indices),
                Attribute.of("axis", -1L), Attribute.of("largest", 1L), Attribute.of("sorted", node.flag("sorted", true) ? 1L : 0L));
        // TensorFlow's indices are int32.
        emit("Cast", List.of(indices), node.name() + ":1", Attribute.of("to", (long) ElementType.INT32.onnx()));
    }

    /** Floor division: exact for integers (a - floormod(a, b) divides by b), floor of the quotient for floats. */
    private void floorDiv(TfjsNode node) throws IOException {
        String a = in(node, 0);
        String b = in(node, 1);
        if (node.type("T") == ElementType.FLOAT) {
            emit("Floor", List.of(emit("Div", List.of(a, b), fresh(node, "quotient"))), node.name());
            return;
        }
        String mod = floorMod(node, a, b, fresh(node, "mod"));
        emit("Div", List.of(emit("Sub", List.of(a, mod), fresh(node, "multiple")), b), node.name());
    }

    /** The remainder with the divisor's sign, as TensorFlow's FloorMod and ONNX's integer Mod (fmod = 0). */
    private String floorMod(TfjsNode node, String a, String b, String out) throws IOException {
        if (node.type("T") == ElementType.FLOAT) {
            String floor = emit("Floor", List.of(emit("Div", List.of(a, b), fresh(node, "ratio"))), fresh(node, "floor"));
            return emit("Sub", List.of(a, emit("Mul", List.of(floor, b), fresh(node, "whole"))), out);
        }
        return emit("Mod", List.of(a, b), out, Attribute.of("fmod", 0L));
    }

    private String relu6(String x, String out, TfjsNode node) {
        return emit("Clip", List.of(x, initializer(node, "zero6", scalar(0)), initializer(node, "six", scalar(6))), out);
    }

    private static Attribute leakyAlpha(TfjsNode node, String key) {
        return Attribute.of("alpha", node.real(key, 0.2f));
    }

    private static TensorValue scalar(float value) {
        return TensorValue.floats(new float[] {value}, List.of());
    }

    // --- tensors and nodes ---

    /** The ONNX tensor for the node's {@code i}th input; a constant becomes an initializer when first used. */
    private String in(TfjsNode node, int i) throws IOException {
        String name = tensor(node.input(i));
        if (constants.containsKey(name) && written.add(name)) {
            onnx.initializer(name, constants.get(name));
        }
        return name;
    }

    /** The value of the node's {@code i}th input, which must be a constant. */
    private TensorValue constant(TfjsNode node, int i) throws IOException {
        TensorValue value = constants.get(tensor(node.input(i)));
        if (value == null) {
            throw new IOException(node.op() + " node " + node.name() + ": input " + i + " must be a constant");
        }
        return value;
    }

    private long[] ints(TfjsNode node, int i) throws IOException {
        TensorValue value = constant(node, i);
        if (value.type() != ElementType.INT32 && value.type() != ElementType.INT64) {
            throw new IOException(node.op() + " node " + node.name() + ": input " + i + " must be integers");
        }
        return value.integers();
    }

    /** The node's {@code i}th input as the one-dimensional int64 tensor ONNX wants for shapes, axes and counts. */
    private String int64(TfjsNode node, int i) throws IOException {
        return int64(node, i, true);
    }

    private String int64(TfjsNode node, int i, boolean flatten) throws IOException {
        TensorValue value = constants.get(tensor(node.input(i)));
        if (value != null && value.type() != ElementType.FLOAT && value.type() != ElementType.BOOL) {
            TensorValue longs = TensorValue.longs(value.integers(), flatten ? List.of(value.elements()) : value.dims());
            return initializer(node, "int64_" + i, longs);
        }
        String cast = emit("Cast", List.of(in(node, i)), fresh(node, "int64_" + i),
                Attribute.of("to", (long) ElementType.INT64.onnx()));
        return flatten ? emit("Reshape", List.of(cast, initializer(node, "flat_" + i, TensorValue.vector(-1))),
                fresh(node, "vector_" + i)) : cast;
    }

    private String initializer(TfjsNode node, String what, TensorValue value) {
        String name = fresh(node, what);
        if (written.add(name)) {
            onnx.initializer(name, value);
        }
        return name;
    }

    private static String fresh(TfjsNode node, String what) {
        return node.name() + "/onnx/" + what;
    }

    /** One ONNX node over the first {@code inputs} inputs of {@code node}. */
    private void emit(String op, TfjsNode node, int inputs, String out, Attribute... attributes) throws IOException {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < inputs; i++) {
            names.add(in(node, i));
        }
        emit(op, names, out, attributes);
    }

    private String emit(String op, List<String> inputs, String out, Attribute... attributes) {
        onnx.node(op, inputs, List.of(out), attributes);
        return out;
    }
}
