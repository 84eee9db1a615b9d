package dev.photosearch.source;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/** Tells which known format a JSON file is in by its top-level shape, reading as little as it can. */
final class JsonSniffer {

    /** The JSON formats a source can be read from. */
    enum Kind { EXPORT_POSTS, EXPORT_STORIES, EXPORT_PROFILE, SCRAPER, INSTALOADER, GALLERY_DL, UNKNOWN }

    private JsonSniffer() {}

    /** Sniffs a file; .json.xz files are decompressed first. */
    static Kind sniff(Path file) throws IOException {
        try (InputStream in = JsonInput.open(file); JsonParser parser = JsonInput.MAPPER.createParser(in)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_ARRAY) {
                return sniffArray(parser, file);
            }
            return first == JsonToken.START_OBJECT ? sniffObject(parser) : Kind.UNKNOWN;
        } catch (JsonProcessingException | CharConversionException e) {
            throw JsonInput.malformed(file.toString(), e);
        }
    }

    /** An export posts file is an array of {"media": [...]} objects. */
    private static Kind sniffArray(JsonParser parser, Path file) throws IOException {
        if (parser.nextToken() == JsonToken.END_ARRAY) {
            // An empty array is an export only by its name: someone with no posts yet.
            return ExportKind.ofFileName(file.getFileName().toString()) == ExportKind.POSTS ? Kind.EXPORT_POSTS : Kind.UNKNOWN;
        }
        JsonNode first = parser.readValueAsTree();
        return first.isObject() && first.path("media").isArray() ? Kind.EXPORT_POSTS : Kind.UNKNOWN;
    }

    private static Kind sniffObject(JsonParser parser) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            Kind kind = switch (parser.currentName()) {
                case "GraphImages" -> Kind.SCRAPER;
                case "ig_stories" -> Kind.EXPORT_STORIES;
                case "ig_profile_picture" -> Kind.EXPORT_PROFILE;
                case "node" -> Kind.INSTALOADER;
                case "post_shortcode" -> Kind.GALLERY_DL;
                default -> Kind.UNKNOWN;
            };
            if (kind != Kind.UNKNOWN) {
                return kind;
            }
            parser.nextToken();
            parser.skipChildren();
        }
        return Kind.UNKNOWN;
    }
}
