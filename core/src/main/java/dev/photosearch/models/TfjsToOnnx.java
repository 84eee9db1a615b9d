package dev.photosearch.models;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Converts a TensorFlow.js graph model into an ONNX model, so every model of the application runs on ONNX Runtime.
 * It lives in {@code models} because it is about model files, not photos: the build runs {@link #main} to turn the
 * shipped TF.js detector into the {@code .onnx} file the jar carries, and the next TF.js models go through it too.
 * It knows the ops of {@link TfjsOps}; any other op is refused by name.
 */
public final class TfjsToOnnx {

    /** ONNX operator set 13: supported by every ONNX Runtime since 1.6, with axes of Squeeze and Unsqueeze as inputs. */
    static final int OPSET = 13;

    private TfjsToOnnx() {}

    /** The ONNX model computing the graph's signature outputs from its input. */
    public static byte[] convert(TfjsGraph graph) throws IOException {
        OnnxGraph onnx = new OnnxGraph("tfjs");
        TensorSpec input = graph.input();
        onnx.input(TfjsOps.tensor(input.name()), input.type(), input.shape());
        TfjsOps ops = new TfjsOps(onnx, graph.constants());
        for (TfjsNode node : graph.nodes()) {
            ops.translate(node);
        }
        for (TensorSpec output : graph.outputs()) {
            onnx.output(TfjsOps.tensor(output.name()), output.type(), List.of());
        }
        return onnx.bytes(OPSET);
    }

    /** Reads {@code model.json} and the weight files beside it. */
    public static TfjsGraph read(Path modelJson) throws IOException {
        Path dir = modelJson.toAbsolutePath().getParent();
        return TfjsGraph.read(Files.readAllBytes(modelJson), name -> {
            Path file = dir.resolve(name).normalize();
            if (!dir.equals(file.getParent())) {
                throw new IOException("weight file outside the model folder: " + name);
            }
            return Files.readAllBytes(file);
        });
    }

    /** Build step: {@code TfjsToOnnx MODEL.json OUT.onnx}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: TfjsToOnnx MODEL.json OUT.onnx");
        }
        Path out = Path.of(args[1]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, convert(read(Path.of(args[0]))));
    }
}
