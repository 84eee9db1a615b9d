package dev.photosearch.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds test sources from the JSON fixtures under src/test/resources/fixtures. */
final class Fixtures {

    private Fixtures() {}

    /** The fixture file at {@code fixtures/<name>}. */
    static Path resource(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies fixture {@code name} to {@code target}, creating folders. */
    static Path copy(String name, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        return Files.copy(resource(name), target);
    }

    /** Writes a small file with the given text, creating folders. */
    static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Writes a zip holding the given entries (name → text content). */
    static Path zip(Path zip, Map<String, String> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream zipOut = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                zipOut.putNextEntry(new ZipEntry(entry.getKey()));
                zipOut.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zipOut.closeEntry();
            }
        }
        return zip;
    }

    /** The text of fixture {@code name}. */
    static String text(String name) {
        try (InputStream in = Files.newInputStream(resource(name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Photos of a scan by path, for lookups in assertions. */
    static Map<String, Photo> byPath(Scan scan) {
        return scan.photos().stream().collect(Collectors.toMap(Photo::path, p -> p));
    }
}
