package dev.photosearch.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.CharConversionException;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tukaani.xz.XZIOException;
import org.tukaani.xz.XZInputStream;

/** Reads JSON documents, turning syntax errors into {@link SourceException}s that name file and position. */
final class JsonInput {

    /**
     * Longest text value read, in characters; longer stops the reading of its file. Well above any caption (they are
     * cut to {@link CaptionLimit#MAX_CHARS} later) so that one absurd caption does not cost the posts after it.
     */
    static final int MAX_TEXT_CHARS = 32 * 1024 * 1024;

    static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_TEXT_CHARS).build())
            .build());

    /** Instaloader's .xz files need an 8 MiB dictionary; a few crafted bytes could ask for 1.5 GiB. */
    private static final int XZ_MEMORY_LIMIT_KIB = 64 * 1024;

    /** Receives one array element at a time, so huge arrays never sit in memory whole. */
    @FunctionalInterface
    interface ElementHandler {
        void accept(JsonNode element) throws IOException;
    }

    private JsonInput() {}

    /**
     * Opens a JSON file, decompressing it when its name ends in .xz (Instaloader compresses by default); a corrupt or
     * cut-off .xz file fails with a {@link SourceException}, when opened or later while read.
     */
    static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (!file.getFileName().toString().endsWith(".xz")) {
            return in;
        }
        try {
            return new XzInput(new XZInputStream(in, XZ_MEMORY_LIMIT_KIB), file);
        } catch (IOException e) {
            in.close();
            throw XzInput.invalid(file, e);
        }
    }

    /** Decompressed .xz input whose corrupt or missing bytes are bad input, reported like bad JSON. */
    private static final class XzInput extends FilterInputStream {
        private final Path file;

        XzInput(InputStream in, Path file) {
            super(in);
            this.file = file;
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                throw invalid(file, e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                throw invalid(file, e);
            }
        }

        /** The exception to throw for a failed read: corruption and an early end are the file's fault. */
        static IOException invalid(Path file, IOException e) {
            if (e instanceof EOFException) {
                return new SourceException(file + " is not a valid .xz file: it is cut short", e);
            }
            return e instanceof XZIOException ? new SourceException(file + " is not a valid .xz file: " + e.getMessage(), e) : e;
        }
    }

    /** Reads a whole (small) document. */
    static JsonNode readTree(InputStream in, String name) throws IOException {
        try (JsonParser parser = MAPPER.createParser(in)) {
            JsonNode tree = parser.readValueAsTree();
            if (tree == null) {
                throw new SourceException(name + " is empty: expected a JSON document");
            }
            return tree;
        } catch (JsonProcessingException | CharConversionException e) {
            throw malformed(name, e);
        }
    }

    /**
     * Streams the elements of an array: the document itself when {@code field} is null,
     * else the array under that top-level field.
     */
    static void forEachElement(InputStream in, String name, String field, ElementHandler handler) throws IOException {
        int read = 0;
        try (JsonParser parser = MAPPER.createParser(in)) {
            if (field == null ? !atArray(parser) : !moveToField(parser, field)) {
                String expected = field == null ? "a JSON array" : "a JSON object with a \"" + field + "\" array";
                throw new SourceException(name + " does not have the expected shape: expected " + expected);
            }
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                JsonNode element = parser.readValueAsTree();
                read++;
                handler.accept(element);
            }
        } catch (JsonProcessingException | CharConversionException e) {
            SourceException malformed = malformed(name, e);
            throw new BrokenJsonException(malformed.getMessage(), read, e);
        }
    }

    /**
     * The message the user sees for a syntax error, "posts_1.json is not valid JSON (line 3, column 17): ...", or for
     * bytes that are not in the encoding Jackson guessed from the first ones (UTF-32 for leading zeros).
     */
    static SourceException malformed(String name, IOException e) {
        if (!(e instanceof JsonProcessingException syntax)) {
            return new SourceException(name + " is not valid JSON: " + e.getMessage(), e);
        }
        JsonLocation where = syntax.getLocation();
        String position = where == null ? "" : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
        return new SourceException(name + " is not valid JSON" + position + ": " + reason(syntax), e);
    }

    /** What went wrong, in words that name no parser internals (class names, input stream descriptions). */
    private static String reason(JsonProcessingException e) {
        if (e instanceof JsonEOFException) {
            return "the file ends in the middle of the document (cut short?)";
        }
        if (e instanceof StreamConstraintsException) {
            return "a value is too long (texts are read up to " + MAX_TEXT_CHARS / (1024 * 1024) + " Mi characters)";
        }
        String message = String.valueOf(e.getOriginalMessage());
        // Jackson appends where an open array or object started, as "[Source: ...; line: 1, column: 1]".
        int source = message.indexOf(" (start marker at");
        return source < 0 ? message : message.substring(0, source);
    }

    private static boolean atArray(JsonParser parser) throws IOException {
        return parser.nextToken() == JsonToken.START_ARRAY;
    }

    private static boolean moveToField(JsonParser parser, String field) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return false;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            boolean wanted = field.equals(parser.currentName());
            JsonToken value = parser.nextToken();
            if (wanted) {
                return value == JsonToken.START_ARRAY;
            }
            parser.skipChildren();
        }
        return false;
    }
}
