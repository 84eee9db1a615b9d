package dev.photosearch.source;

import java.util.Locale;
import java.util.Set;

/** File-name rules for telling images and videos apart. */
final class MediaTypes {

    static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "png", "gif", "bmp", "webp", "heic", "heif",
            "avif");
    private static final Set<String> VIDEO_EXTENSIONS = Set.of("mp4", "mov");

    private MediaTypes() {}

    /** Lower-case extension of the last path segment without the dot; empty when none. */
    static String extension(String path) {
        String name = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        return dot <= 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    static boolean isVideoFile(String path) {
        return VIDEO_EXTENSIONS.contains(extension(path));
    }

    /** Instagram exports store some videos without an extension, so no extension means video there. */
    static boolean isExportVideo(String uri) {
        String ext = extension(uri);
        return ext.isEmpty() || VIDEO_EXTENSIONS.contains(ext);
    }
}
