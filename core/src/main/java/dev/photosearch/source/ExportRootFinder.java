package dev.photosearch.source;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the root of an export from one of its JSON files: the nearest ancestor its media uris resolve in. */
final class ExportRootFinder {

    private ExportRootFinder() {}

    /** The export root above {@code file}, or null when no ancestor holds its media. */
    static Path find(Path file) throws IOException {
        String uri = firstUri(file);
        if (uri == null || !ExportUris.isSafe(uri)) {
            return null;
        }
        String mediaFolder = mediaFolder(uri);
        for (Path dir = file.toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(uri)) || (mediaFolder != null && Files.isDirectory(dir.resolve(mediaFolder)))) {
                return dir;
            }
        }
        return null;
    }

    /** "media/posts" for "media/posts/201502/x.jpg": specific enough not to match the system's /media. */
    private static String mediaFolder(String uri) {
        String[] segments = uri.split("/");
        return segments.length >= 3 ? segments[0] + "/" + segments[1] : null;
    }

    /** The first "uri" string of the document, read by streaming so only the start of the file is parsed. */
    private static String firstUri(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); JsonParser parser = JsonInput.MAPPER.createParser(in)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME && "uri".equals(parser.currentName())
                        && parser.nextToken() == JsonToken.VALUE_STRING) {
                    return parser.getText();
                }
            }
            return null;
        } catch (JsonProcessingException | CharConversionException e) {
            throw JsonInput.malformed(file.toString(), e);
        }
    }
}
