package dev.photosearch.embed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.photosearch.models.ModelException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads float32 tensors from a {@code .safetensors} file (8-byte header length, JSON header, raw data). */
final class Safetensors {

    private final JsonNode header;
    private final ByteBuffer data;

    private Safetensors(JsonNode header, ByteBuffer data) {
        this.header = header;
        this.data = data;
    }

    static Safetensors read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = bytes.length < 8 ? -1 : buffer.getLong(0);
        if (headerLength < 2 || headerLength > bytes.length - 8) {
            throw new ModelException(file.getFileName() + " is not a safetensors file");
        }
        JsonNode header = new ObjectMapper().readTree(new String(bytes, 8, (int) headerLength,
                StandardCharsets.UTF_8));
        ByteBuffer data = ByteBuffer.wrap(bytes, 8 + (int) headerLength, bytes.length - 8 - (int) headerLength)
                .slice().order(ByteOrder.LITTLE_ENDIAN);
        return new Safetensors(header, data);
    }

    boolean has(String name) {
        return header.has(name);
    }

    /** The tensor's shape. */
    int[] shape(String name) throws ModelException {
        JsonNode shape = tensor(name).get("shape");
        int[] dims = new int[shape.size()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = shape.get(i).asInt();
        }
        return dims;
    }

    /** The tensor's values, row-major. */
    float[] floats(String name) throws ModelException {
        JsonNode tensor = tensor(name);
        if (!"F32".equals(tensor.path("dtype").asText())) {
            throw new ModelException("tensor " + name + " is " + tensor.path("dtype").asText() + ", expected F32");
        }
        int from = tensor.get("data_offsets").get(0).asInt();
        int to = tensor.get("data_offsets").get(1).asInt();
        if (from < 0 || to > data.capacity() || from > to) {
            throw new ModelException("tensor " + name + " lies outside its file");
        }
        float[] values = new float[(to - from) / 4];
        data.slice(from, to - from).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return values;
    }

    private JsonNode tensor(String name) throws ModelException {
        JsonNode tensor = header.get(name);
        if (tensor == null) {
            throw new ModelException("no tensor " + name + " in the safetensors file");
        }
        return tensor;
    }
}
