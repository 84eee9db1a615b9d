package dev.photosearch.source;

import java.util.regex.Pattern;

/** Checks media uris of an export, which must stay inside the export root. */
final class ExportUris {

    private static final Pattern SEPARATORS = Pattern.compile("[/\\\\]");
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

    private ExportUris() {}

    /** True for a relative uri without ".." segments; absolute paths, drive letters and NUL characters are refused. */
    static boolean isSafe(String uri) {
        if (uri.isBlank() || uri.startsWith("/") || uri.startsWith("\\") || DRIVE.matcher(uri).matches()
                || uri.indexOf('\0') >= 0) {
            return false;
        }
        for (String segment : SEPARATORS.split(uri)) {
            if (segment.equals("..")) {
                return false;
            }
        }
        return true;
    }
}
