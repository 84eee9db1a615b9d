package dev.photosearch.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed access to optional JSON fields: a missing or null field is {@code null},
 * a field of the wrong type is a {@link MalformedEntryException} naming it.
 */
final class JsonFields {

    private JsonFields() {}

    static JsonNode object(JsonNode parent, String field) {
        JsonNode value = present(parent, field);
        if (value != null && !value.isObject()) {
            throw wrongType(field, "an object");
        }
        return value;
    }

    static JsonNode array(JsonNode parent, String field) {
        JsonNode value = present(parent, field);
        if (value != null && !value.isArray()) {
            throw wrongType(field, "an array");
        }
        return value;
    }

    static String text(JsonNode parent, String field) {
        JsonNode value = present(parent, field);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw wrongType(field, "text");
        }
        return value.textValue();
    }

    /** Text, or the literal of a number or boolean, for metadata values that vary in type. */
    static String scalar(JsonNode parent, String field) {
        JsonNode value = present(parent, field);
        if (value == null) {
            return null;
        }
        if (!value.isValueNode()) {
            throw wrongType(field, "a plain value");
        }
        return value.asText();
    }

    /** Text that must be there and not blank: a post's code, say; {@code what} names the entry in the error. */
    static String requiredText(JsonNode parent, String field, String what) {
        String value = text(requireObject(parent, what), field);
        if (value == null || value.isBlank()) {
            throw new MalformedEntryException(what + " without \"" + field + "\"");
        }
        return value;
    }

    /** The {@code name} of a place object; empty when absent. */
    static String placeName(JsonNode parent, String field) {
        String name = text(object(parent, field), "name");
        return name == null ? "" : name;
    }

    static Long number(JsonNode parent, String field) {
        JsonNode value = present(parent, field);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber()) {
            throw wrongType(field, "a whole number");
        }
        return value.longValue();
    }

    static boolean flag(JsonNode parent, String field) {
        JsonNode value = present(parent, field);
        if (value != null && !value.isBoolean()) {
            throw wrongType(field, "true or false");
        }
        return value != null && value.booleanValue();
    }

    /** A Unix-seconds timestamp field as an instant; one beyond the years Java counts is malformed. */
    static Instant epochSeconds(JsonNode parent, String field) {
        Long seconds = number(parent, field);
        if (seconds != null && (seconds < Instant.MIN.getEpochSecond() || seconds > Instant.MAX.getEpochSecond())) {
            throw wrongType(field, "a time in seconds");
        }
        return seconds == null ? null : Instant.ofEpochSecond(seconds);
    }

    /** The text items of an array field; empty when absent. */
    static List<String> texts(JsonNode parent, String field) {
        JsonNode items = array(parent, field);
        List<String> result = new ArrayList<>();
        if (items != null) {
            for (JsonNode item : items) {
                if (!item.isTextual()) {
                    throw wrongType(field, "a list of text");
                }
                result.add(item.textValue());
            }
        }
        return result;
    }

    /** Throws when {@code node} is not a JSON object; used before reading an entry. */
    static JsonNode requireObject(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw new MalformedEntryException(what + " is not a JSON object");
        }
        return node;
    }

    private static JsonNode present(JsonNode parent, String field) {
        JsonNode value = parent == null ? null : parent.get(field);
        return value == null || value.isNull() ? null : value;
    }

    private static MalformedEntryException wrongType(String field, String expected) {
        return new MalformedEntryException("\"" + field + "\" is not " + expected);
    }
}
