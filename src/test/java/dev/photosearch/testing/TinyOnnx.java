package dev.photosearch.testing;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes small ONNX models for contract tests, encoding the few ModelProto fields it needs by hand with ONNX's
 * field numbers (onnx.proto), so the tests need no generated ONNX classes.
 */
public final class TinyOnnx {

    /** ONNX element types. */
    public static final int FLOAT = 1;
    public static final int INT64 = 7;

    private final List<byte[]> nodes = new ArrayList<>();
    private final List<byte[]> initializers = new ArrayList<>();
    private final List<byte[]> inputs = new ArrayList<>();
    private final List<byte[]> outputs = new ArrayList<>();
    private int nodeCount;

    /** A graph input; a dimension below 0 is symbolic ("N"). */
    public TinyOnnx input(String name, int elemType, long... dims) {
        inputs.add(valueInfo(name, elemType, dims));
        return this;
    }

    public TinyOnnx output(String name, int elemType, long... dims) {
        outputs.add(valueInfo(name, elemType, dims));
        return this;
    }

    /** A float constant tensor. */
    public TinyOnnx floats(String name, float[] values, long... dims) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            raw.putFloat(v);
        }
        initializers.add(tensor(name, FLOAT, raw.array(), dims));
        return this;
    }

    /** An int64 constant tensor. */
    public TinyOnnx longs(String name, long[] values, long... dims) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            raw.putLong(v);
        }
        initializers.add(tensor(name, INT64, raw.array(), dims));
        return this;
    }

    /** A node; {@code attributes} are name/value pairs: Long, long[] or Float values. */
    public TinyOnnx node(String op, List<String> in, List<String> out, Object... attributes) {
        nodes.add(message(o -> {
            for (String i : in) {
                o.writeString(1, i);
            }
            for (String x : out) {
                o.writeString(2, x);
            }
            o.writeString(3, op + "_" + nodeCount++);
            o.writeString(4, op);
            for (int a = 0; a < attributes.length; a += 2) {
                o.writeByteArray(5, attribute((String) attributes[a], attributes[a + 1]));
            }
        }));
        return this;
    }

    /** The serialised ModelProto (IR version 8, default opset 13). */
    public byte[] bytes() {
        byte[] graph = message(o -> {
            for (byte[] n : nodes) {
                o.writeByteArray(1, n);
            }
            o.writeString(2, "tiny");
            for (byte[] t : initializers) {
                o.writeByteArray(5, t);
            }
            for (byte[] i : inputs) {
                o.writeByteArray(11, i);
            }
            for (byte[] x : outputs) {
                o.writeByteArray(12, x);
            }
        });
        return message(o -> {
            o.writeInt64(1, 8);
            o.writeString(2, "photosearch-tests");
            o.writeByteArray(7, graph);
            o.writeByteArray(8, message(op -> {
                op.writeString(1, "");
                op.writeInt64(2, 13);
            }));
        });
    }

    public Path write(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, bytes());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] attribute(String name, Object value) {
        return message(o -> {
            o.writeString(1, name);
            if (value instanceof Float f) {
                o.writeFloat(2, f);
                o.writeInt32(20, 1);
            } else if (value instanceof Long l) {
                o.writeInt64(3, l);
                o.writeInt32(20, 2);
            } else if (value instanceof long[] ls) {
                for (long l : ls) {
                    o.writeInt64(8, l);
                }
                o.writeInt32(20, 7);
            } else {
                throw new IllegalArgumentException("unsupported attribute " + value);
            }
        });
    }

    private static byte[] tensor(String name, int type, byte[] raw, long[] dims) {
        return message(o -> {
            for (long d : dims) {
                o.writeInt64(1, d);
            }
            o.writeInt32(2, type);
            o.writeString(8, name);
            o.writeBytes(9, ByteString.copyFrom(raw));
        });
    }

    private static byte[] valueInfo(String name, int elemType, long[] dims) {
        byte[] shape = message(o -> {
            int symbol = 0;
            for (long d : dims) {
                String param = "d" + symbol++;
                o.writeByteArray(1, message(dim -> {
                    if (d >= 0) {
                        dim.writeInt64(1, d);
                    } else {
                        dim.writeString(2, param);
                    }
                }));
            }
        });
        byte[] tensorType = message(o -> {
            o.writeInt32(1, elemType);
            o.writeByteArray(2, shape);
        });
        return message(o -> {
            o.writeString(1, name);
            o.writeByteArray(2, message(t -> t.writeByteArray(1, tensorType)));
        });
    }

    @FunctionalInterface
    private interface Writer {
        void write(CodedOutputStream out) throws IOException;
    }

    private static byte[] message(Writer writer) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            CodedOutputStream out = CodedOutputStream.newInstance(bytes);
            writer.write(out);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
