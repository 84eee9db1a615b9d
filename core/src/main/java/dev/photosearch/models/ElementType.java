package dev.photosearch.models;

import java.io.IOException;

/** The tensor element types a converted model may hold, with their ONNX codes and TensorFlow names. */
public enum ElementType {
    FLOAT(1, 4, "DT_FLOAT"),
    INT32(6, 4, "DT_INT32"),
    INT64(7, 8, "DT_INT64"),
    BOOL(9, 1, "DT_BOOL");

    private final int onnx;
    private final int bytes;
    private final String tensorFlow;

    ElementType(int onnx, int bytes, String tensorFlow) {
        this.onnx = onnx;
        this.bytes = bytes;
        this.tensorFlow = tensorFlow;
    }

    /** The code of {@code TensorProto.DataType} in onnx.proto. */
    public int onnx() {
        return onnx;
    }

    /** Bytes per element. */
    public int bytes() {
        return bytes;
    }

    /** The type TensorFlow calls {@code name} ("DT_FLOAT"...); an IOException names a type not supported here. */
    public static ElementType ofTensorFlow(String name) throws IOException {
        for (ElementType type : values()) {
            if (type.tensorFlow.equals(name)) {
                return type;
            }
        }
        throw new IOException("unsupported data type " + name);
    }
}
