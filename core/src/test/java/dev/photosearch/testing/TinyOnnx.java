package dev.photosearch.testing;

import dev.photosearch.models.ElementType;
import dev.photosearch.models.OnnxGraph;
import dev.photosearch.models.OnnxGraph.Attribute;
import dev.photosearch.models.TensorValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

/** Writes small ONNX models for contract tests with the application's own ONNX writer (opset 13). */
public final class TinyOnnx {

    /** ONNX element types. */
    public static final ElementType FLOAT = ElementType.FLOAT;
    public static final ElementType INT64 = ElementType.INT64;

    private final OnnxGraph graph = new OnnxGraph("tiny");

    /** A graph input; a dimension below 0 is symbolic ("N"). */
    public TinyOnnx input(String name, ElementType type, long... dims) {
        graph.input(name, type, list(dims));
        return this;
    }

    public TinyOnnx output(String name, ElementType type, long... dims) {
        graph.output(name, type, list(dims));
        return this;
    }

    /** A float constant tensor. */
    public TinyOnnx floats(String name, float[] values, long... dims) {
        graph.initializer(name, TensorValue.floats(values, list(dims)));
        return this;
    }

    /** An int64 constant tensor. */
    public TinyOnnx longs(String name, long[] values, long... dims) {
        graph.initializer(name, TensorValue.longs(values, list(dims)));
        return this;
    }

    /** A node; {@code attributes} are name/value pairs: Long, long[] or Float values. */
    public TinyOnnx node(String op, List<String> in, List<String> out, Object... attributes) {
        List<Attribute> encoded = new ArrayList<>();
        for (int a = 0; a < attributes.length; a += 2) {
            String name = (String) attributes[a];
            Object value = attributes[a + 1];
            if (value instanceof Float f) {
                encoded.add(Attribute.of(name, f));
            } else if (value instanceof Long l) {
                encoded.add(Attribute.of(name, l));
            } else if (value instanceof long[] ls) {
                encoded.add(Attribute.ints(name, ls));
            } else {
                throw new IllegalArgumentException("unsupported attribute " + value);
            }
        }
        graph.node(op, in, out, encoded.toArray(Attribute[]::new));
        return this;
    }

    public byte[] bytes() {
        return graph.bytes(13);
    }

    public Path write(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.write(file, bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Long> list(long[] dims) {
        return LongStream.of(dims).boxed().toList();
    }
}
