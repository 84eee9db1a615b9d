package dev.photosearch.models;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of a TensorFlow.js weights manifest: its name, shape and type, and how it is stored (float32, int32 or
 * bool as is; float32 quantised to uint8, uint16 or float16).
 */
record TfjsWeight(String name, List<Long> shape, String dtype, String storedAs, double scale, double min) {

    static TfjsWeight of(JsonNode json) throws IOException {
        List<Long> shape = new ArrayList<>();
        for (JsonNode dim : json.path("shape")) {
            shape.add(dim.asLong());
        }
        String dtype = json.path("dtype").asText();
        JsonNode quantization = json.path("quantization");
        String storedAs = quantization.isMissingNode() ? dtype : quantization.path("dtype").asText();
        TfjsWeight weight = new TfjsWeight(json.path("name").asText(), List.copyOf(shape), dtype, storedAs,
                quantization.path("scale").asDouble(1), quantization.path("min").asDouble(0));
        weight.bytesPerStoredElement();
        if (!List.of("float32", "int32", "bool").contains(dtype)) {
            throw new IOException("unsupported weight type " + dtype + " for " + weight.name);
        }
        return weight;
    }

    long elements() {
        return shape.stream().mapToLong(Long::longValue).reduce(1, Math::multiplyExact);
    }

    int storedBytes() throws IOException {
        return Math.toIntExact(elements() * bytesPerStoredElement());
    }

    private int bytesPerStoredElement() throws IOException {
        return switch (storedAs) {
            case "float32", "int32" -> 4;
            case "uint16", "float16" -> 2;
            case "uint8", "bool" -> 1;
            default -> throw new IOException("unsupported weight storage " + storedAs + " for " + name);
        };
    }

    /** The weight as a tensor, dequantised; {@code stored} is little-endian and exactly this weight. */
    TensorValue tensor(ByteBuffer stored) {
        if (!dtype.equals("float32")) {
            return new TensorValue(dtype.equals("int32") ? ElementType.INT32 : ElementType.BOOL, shape, stored);
        }
        int n = Math.toIntExact(elements());
        ByteBuffer content = ByteBuffer.allocate(n * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            content.putFloat(floatAt(stored, i));
        }
        return new TensorValue(ElementType.FLOAT, shape, content.flip());
    }

    private float floatAt(ByteBuffer stored, int i) {
        return switch (storedAs) {
            case "float16" -> halfToFloat(stored.getShort(i * 2));
            case "uint8" -> (float) ((stored.get(i) & 0xFF) * scale + min);
            case "uint16" -> (float) ((stored.getShort(i * 2) & 0xFFFF) * scale + min);
            default -> stored.getFloat(i * 4);
        };
    }

    /** IEEE 754 half precision to float (Java 17 has no Float.float16ToFloat). */
    static float halfToFloat(short half) {
        int bits = half & 0xFFFF;
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >> 10) & 0x1F;
        int mantissa = bits & 0x3FF;
        if (exponent == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            // Zero or subnormal: mantissa * 2^-24.
            float magnitude = mantissa * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }
}
