package dev.photosearch.models;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * A constant tensor: element type, dimensions and its elements little-endian in row-major order (as ONNX's
 * {@code raw_data} holds them).
 *
 * @param data read-only, exactly {@code elements() × type.bytes()} bytes
 */
public record TensorValue(ElementType type, List<Long> dims, ByteBuffer data) {

    public TensorValue {
        dims = List.copyOf(dims);
        data = data.slice().order(ByteOrder.LITTLE_ENDIAN).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
        if (data.remaining() != elements(dims) * type.bytes()) {
            throw new IllegalArgumentException("expected " + elements(dims) * type.bytes() + " bytes for " + dims
                    + " " + type + ", found " + data.remaining());
        }
    }

    public static TensorValue floats(float[] values, List<Long> dims) {
        ByteBuffer data = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            data.putFloat(v);
        }
        return new TensorValue(ElementType.FLOAT, dims, data.flip());
    }

    public static TensorValue longs(long[] values, List<Long> dims) {
        ByteBuffer data = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            data.putLong(v);
        }
        return new TensorValue(ElementType.INT64, dims, data.flip());
    }

    /** A one-dimensional int64 tensor. */
    public static TensorValue vector(long... values) {
        return longs(values, List.of((long) values.length));
    }

    public long elements() {
        return elements(dims);
    }

    /** The elements of an integer tensor (int32 or int64) as longs. */
    public long[] integers() {
        if (type != ElementType.INT32 && type != ElementType.INT64) {
            throw new IllegalStateException("not an integer tensor: " + type);
        }
        long[] values = new long[Math.toIntExact(elements())];
        for (int i = 0; i < values.length; i++) {
            values[i] = type == ElementType.INT32 ? data.getInt(i * 4) : data.getLong(i * 8);
        }
        return values;
    }

    /** The raw bytes, a copy. */
    public byte[] bytes() {
        byte[] copy = new byte[data.remaining()];
        data.duplicate().get(copy);
        return copy;
    }

    /** An int32 tensor as the int64 tensor of the same values. */
    public TensorValue widened() {
        return longs(integers(), dims);
    }

    /** The same elements seen with other dimensions of the same element count. */
    public TensorValue reshaped(List<Long> newDims) {
        return new TensorValue(type, newDims, data);
    }

    /** The tensor with its axes reordered: axis {@code i} of the result is axis {@code perm[i]} of this one. */
    public TensorValue transposed(int... perm) {
        int rank = dims.size();
        long[] outDims = new long[rank];
        long[] inStrides = strides(dims);
        long[] permutedStrides = new long[rank];
        for (int i = 0; i < rank; i++) {
            outDims[i] = dims.get(perm[i]);
            permutedStrides[i] = inStrides[perm[i]];
        }
        int size = type.bytes();
        ByteBuffer out = ByteBuffer.allocate(data.remaining()).order(ByteOrder.LITTLE_ENDIAN);
        long[] index = new long[rank];
        for (long n = 0; n < elements(); n++) {
            long from = 0;
            for (int i = 0; i < rank; i++) {
                from += index[i] * permutedStrides[i];
            }
            out.put(data.slice(Math.toIntExact(from * size), size));
            for (int i = rank - 1; i >= 0 && ++index[i] == outDims[i]; i--) {
                index[i] = 0;
            }
        }
        List<Long> newDims = new ArrayList<>();
        for (long d : outDims) {
            newDims.add(d);
        }
        return new TensorValue(type, newDims, out.flip());
    }

    private static long[] strides(List<Long> dims) {
        long[] strides = new long[dims.size()];
        long stride = 1;
        for (int i = dims.size() - 1; i >= 0; i--) {
            strides[i] = stride;
            stride *= dims.get(i);
        }
        return strides;
    }

    private static long elements(List<Long> dims) {
        return dims.stream().mapToLong(Long::longValue).reduce(1, Math::multiplyExact);
    }
}
