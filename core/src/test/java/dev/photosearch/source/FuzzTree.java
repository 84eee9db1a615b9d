package dev.photosearch.source;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/**
 * A few files described by fuzz input in a readable notation: each line {@code === NAME} starts a file whose content
 * runs to the next such line ({@code NAME/} is a folder). Saved inputs stay readable, and the fuzzer mutates names
 * and contents alike. A {@code .xz} file is compressed here unless its content already is xz (so cut-off xz files
 * can be saved too).
 */
record FuzzTree(List<Entry> entries) {

    /** One file or folder of the tree. */
    record Entry(String name, byte[] content) {}

    private static final String MARK = "=== ";
    private static final int MAX_ENTRIES = 16;
    private static final byte[] XZ_MAGIC = {(byte) 0xFD, '7', 'z', 'X', 'Z', 0};

    /** Reads the notation; bytes before the first {@code ===} line are ignored. */
    static FuzzTree parse(byte[] input) {
        String text = new String(input, StandardCharsets.ISO_8859_1); // one char per byte, so contents stay binary
        List<Entry> entries = new ArrayList<>();
        int start = text.startsWith(MARK) ? 0 : text.indexOf("\n" + MARK);
        while (start >= 0 && entries.size() < MAX_ENTRIES) {
            int nameStart = start + (text.startsWith(MARK, start) ? 0 : 1) + MARK.length();
            int nameEnd = text.indexOf('\n', nameStart) < 0 ? text.length() : text.indexOf('\n', nameStart);
            int contentStart = Math.min(nameEnd + 1, text.length());
            int next = text.indexOf("\n" + MARK, nameEnd); // may be nameEnd itself: an empty file
            String name = text.substring(nameStart, nameEnd);
            String content = text.substring(contentStart, Math.max(contentStart, next < 0 ? text.length() : next));
            entries.add(new Entry(new String(name.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8),
                    content.getBytes(StandardCharsets.ISO_8859_1)));
            start = next;
        }
        return new FuzzTree(entries);
    }

    /**
     * Writes the files under {@code root}, skipping names that leave it or cannot be made.
     *
     * @return the first file or folder written, or null when none was
     */
    Path writeUnder(Path root) throws IOException {
        Path first = null;
        for (Entry entry : entries) {
            Path path = pathUnder(root, entry.name());
            if (path != null && write(path, entry)) {
                first = first == null ? path : first;
            }
        }
        return first;
    }

    /** Writes the files as a zip, names as they are (zip-slip names included); a repeated name is skipped. */
    void writeZip(Path zip) throws IOException {
        Set<String> names = new HashSet<>();
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream zipOut = new ZipOutputStream(out)) {
            for (Entry entry : entries) {
                if (!entry.name().isEmpty() && names.add(entry.name())) {
                    zipOut.putNextEntry(new ZipEntry(entry.name()));
                    zipOut.write(content(entry));
                    zipOut.closeEntry();
                }
            }
        }
    }

    private static Path pathUnder(Path root, String name) {
        try {
            Path path = root.resolve(name).normalize();
            return path.startsWith(root) && !path.equals(root) ? path : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static boolean write(Path path, Entry entry) throws IOException {
        try {
            if (entry.name().endsWith("/")) {
                Files.createDirectories(path);
            } else {
                Files.createDirectories(path.getParent());
                Files.write(path, content(entry));
            }
            return true;
        } catch (FileSystemException e) {
            return false; // a file where a folder is wanted, a name too long: not a tree this input can describe
        }
    }

    private static byte[] content(Entry entry) throws IOException {
        byte[] content = entry.content();
        boolean xz = content.length >= XZ_MAGIC.length && Arrays.equals(content, 0, XZ_MAGIC.length, XZ_MAGIC, 0,
                XZ_MAGIC.length);
        if (!entry.name().endsWith(".xz") || xz) {
            return content;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XZOutputStream compressed = new XZOutputStream(out, new LZMA2Options(0))) {
            compressed.write(content);
        }
        return out.toByteArray();
    }
}
