package dev.photosearch.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.tukaani.xz.XZIOException;

/**
 * The JSON files downloaders write beside the pictures (Instaloader, gallery-dl): a few sampled to recognise a
 * folder, all of them read when importing it, where one file cut short is skipped and named, never fatal.
 */
final class MetadataFiles {

    /** Reads one parsed document of a file. */
    @FunctionalInterface
    interface Reader {
        void read(Path file, JsonNode document, ScanCollector scan);
    }

    /** Tells whether a file is of a kind; may fail reading it. */
    @FunctionalInterface
    interface Test {
        boolean test(Path file) throws IOException;
    }

    private static final int NAMED_UNREADABLE = 10;
    /** Files looked into when recognising a folder; enough to see its shape. */
    private static final int SNIFFED_FILES = 20;

    private MetadataFiles() {}

    /**
     * Whether one of the first files in {@code dir} and its subfolders down to {@code depth}, among those
     * {@code wanted} names, passes {@code test}. A file that cannot be read says nothing about the folder.
     */
    static boolean holds(Path dir, int depth, Predicate<String> wanted, Test test) throws IOException {
        for (Path file : sample(dir, depth, SNIFFED_FILES, wanted)) {
            try {
                if (test.test(file)) {
                    return true;
                }
            } catch (IOException e) {
                // broken or unreadable: the scan reports it if the folder is recognised by another file
            }
        }
        return false;
    }

    /**
     * Up to {@code most} files in {@code dir} and its subfolders down to {@code depth}, whose names {@code wanted}
     * accepts. Hidden and unreadable folders are passed over; the start may be a root ({@code /}), with no file name.
     */
    static List<Path> sample(Path dir, int depth, int most, Predicate<String> wanted) throws IOException {
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(dir, Set.of(), depth, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) {
                return folder.equals(dir) || !hidden(folder) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile() && !hidden(file) && wanted.test(file.getFileName().toString())) {
                    found.add(file);
                }
                return found.size() < most ? FileVisitResult.CONTINUE : FileVisitResult.TERMINATE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
        return found;
    }

    /** Every such file below {@code root}, outside hidden folders, in name order. */
    static List<Path> all(Path root, Predicate<String> wanted) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> !hiddenBelow(root, f))
                    .filter(f -> wanted.test(f.getFileName().toString()) && Files.isRegularFile(f))
                    .sorted()
                    .toList();
        }
    }

    /**
     * Reads each file and hands its document to {@code reader}; a file that cannot be read is counted and named in
     * one notice, unless it is the only one ({@code single}), which fails.
     */
    static void readEach(Path root, List<Path> files, boolean single, ScanCollector scan, Reader reader)
            throws IOException {
        List<String> unreadable = new ArrayList<>();
        for (Path file : files) {
            JsonNode document;
            try {
                document = read(file);
            } catch (SourceException e) {
                if (single) {
                    throw e;
                }
                // One file cut short by an interrupted download must not hide the thousands of others.
                scan.skip("unreadable JSON file");
                unreadable.add(relativePath(root, file));
                continue;
            }
            try {
                reader.read(file, document, scan);
            } catch (MalformedEntryException e) {
                scan.skip("malformed post: " + e.getMessage());
            }
        }
        if (!unreadable.isEmpty()) {
            scan.notice(unreadable.size() + " post files could not be read and were skipped: "
                    + String.join(", ", unreadable.subList(0, Math.min(NAMED_UNREADABLE, unreadable.size())))
                    + (unreadable.size() > NAMED_UNREADABLE ? ", ..." : ""));
        }
    }

    /** A file's path below {@code root}, with forward slashes. */
    static String relativePath(Path root, Path file) {
        return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    private static JsonNode read(Path file) throws IOException {
        try (InputStream in = JsonInput.open(file)) {
            return JsonInput.readTree(in, file.toString());
        } catch (EOFException | XZIOException e) {
            // a .json.xz cut short by an interrupted download ends inside the compressed stream
            throw new SourceException(file + " is cut short or damaged (" + (e.getMessage() == null
                    ? "it ends too early" : e.getMessage()) + ")", e);
        }
    }

    private static boolean hidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    private static boolean hiddenBelow(Path root, Path file) {
        for (Path part : root.relativize(file)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
