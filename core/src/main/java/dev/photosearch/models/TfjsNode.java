package dev.photosearch.models;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One node of a TensorFlow.js graph: a TensorFlow NodeDef in the protobuf JSON mapping, read attribute by attribute.
 *
 * @param inputs data inputs ("node" or "node:k"); control dependencies ("^node") are left out
 * @param attr   the {@code attr} object as written in {@code model.json}
 */
public record TfjsNode(String name, String op, List<String> inputs, JsonNode attr) {

    public TfjsNode {
        inputs = List.copyOf(inputs);
    }

    static TfjsNode of(JsonNode json) {
        List<String> inputs = new ArrayList<>();
        json.path("input").forEach(i -> {
            if (!i.asText().startsWith("^")) {
                inputs.add(i.asText());
            }
        });
        return new TfjsNode(json.path("name").asText(), json.path("op").asText(), inputs, json.path("attr"));
    }

    /** The {@code i}th data input; an IOException when the node has fewer. */
    public String input(int i) throws IOException {
        if (i >= inputs.size()) {
            throw new IOException(op + " node " + name + " has " + inputs.size() + " inputs, expected more");
        }
        return inputs.get(i);
    }

    /** A string attribute (stored base64), or {@code otherwise} when absent. */
    public String text(String key, String otherwise) {
        JsonNode s = attr.path(key).path("s");
        return s.isMissingNode() ? otherwise : decode(s.asText());
    }

    public long integer(String key, long otherwise) {
        return attr.path(key).path("i").asLong(otherwise);
    }

    public float real(String key, float otherwise) {
        JsonNode f = attr.path(key).path("f");
        return f.isMissingNode() ? otherwise : (float) f.asDouble();
    }

    public boolean flag(String key, boolean otherwise) {
        return attr.path(key).path("b").asBoolean(otherwise);
    }

    /** An integer list attribute; empty when absent. */
    public long[] integers(String key) {
        JsonNode list = attr.path(key).path("list").path("i");
        long[] values = new long[list.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = list.get(i).asLong();
        }
        return values;
    }

    /** A string list attribute; empty when absent. */
    public List<String> texts(String key) {
        List<String> values = new ArrayList<>();
        attr.path(key).path("list").path("s").forEach(s -> values.add(decode(s.asText())));
        return values;
    }

    /** A type attribute ("T", "DstT"...). */
    public ElementType type(String key) throws IOException {
        JsonNode type = attr.path(key).path("type");
        if (type.isMissingNode()) {
            throw new IOException(op + " node " + name + " has no type attribute " + key);
        }
        return ElementType.ofTensorFlow(type.asText());
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }
}
