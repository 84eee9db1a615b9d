package dev.photosearch.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An Instagram session cookie, for profiles that need a login. Read from a {@code Cookie:} header value
 * ({@code sessionid=...; csrftoken=...}) or a browser's cookies.txt export. Its value is never printed.
 */
public final class SessionCookie {

    private static final int MAX_CHARS = 16 * 1024;

    private final String header;

    private SessionCookie(String header) {
        this.header = header;
    }

    /** Reads a cookie file; a clear {@link SourceException} when it is missing, empty or too big. */
    public static SessionCookie read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new SourceException("Cookie file not found: " + file);
        }
        if (Files.size(file) > MAX_CHARS * 4L) {
            throw new SourceException(file + " is too big to be a cookie file");
        }
        String header = parse(Files.readString(file, StandardCharsets.UTF_8));
        if (header.isEmpty() || header.length() > MAX_CHARS) {
            throw new SourceException(file + " holds no cookie: expected \"sessionid=...; csrftoken=...\" or a"
                    + " cookies.txt export from your browser");
        }
        return new SessionCookie(header);
    }

    /** The {@code Cookie:} header value: cookies.txt lines (seven tab-separated fields) or the text itself. */
    static String parse(String text) {
        List<String> pairs = new ArrayList<>();
        boolean netscape = false;
        for (String line : text.split("\\R")) {
            String[] fields = line.split("\t");
            if (fields.length == 7 && !line.startsWith("#")) {
                netscape = true;
                if (fields[0].toLowerCase(Locale.ROOT).endsWith("instagram.com")) {
                    pairs.add(fields[5].trim() + "=" + fields[6].trim());
                }
            }
        }
        if (netscape) {
            return String.join("; ", pairs);
        }
        String value = text.strip();
        return value.regionMatches(true, 0, "Cookie:", 0, 7) ? value.substring(7).strip() : value;
    }

    /** The value to send in the {@code Cookie} header. */
    String header() {
        return header;
    }

    /** Keeps a copy readable by its owner only (0600), written atomically. */
    public void saveCopy(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), ".cookie", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(temp, header, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public String toString() {
        return "SessionCookie[****]";
    }
}
