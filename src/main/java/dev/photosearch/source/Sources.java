package dev.photosearch.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Opens a SOURCE given on the command line: detects its format and returns the importer that reads it. */
public final class Sources {

    private static final String EXPECTED = "expected a folder of images, an Instagram export (folder, .zip or"
            + " posts_N.json), an instagram-scraper .json, Instaloader files (.json or .json.xz) or a text file of"
            + " image URLs";

    private Sources() {}

    /**
     * Opens a source spec: a path, relative to the working directory, or {@code instagram:USERNAME}.
     *
     * @throws SourceException when the path does not exist or its format is not recognised
     */
    public static PhotoSource open(String spec) throws IOException {
        String lower = spec.toLowerCase(Locale.ROOT);
        if (lower.startsWith("instagram:") || lower.startsWith("instagram-api:")) {
            throw new SourceException(spec + ": collecting live Instagram profiles is not available yet. Export your"
                    + " data instead (Instagram: Your activity → Download your information, JSON format) and pass"
                    + " the zip or folder, or pass the files saved by instagram-scraper or Instaloader.");
        }
        return open(Path.of(spec));
    }

    /** Opens the source at {@code path}; see {@link #open(String)}. */
    public static PhotoSource open(Path path) throws IOException {
        Path source = path.toAbsolutePath().normalize();
        if (!Files.exists(source)) {
            throw new SourceException("No such file or folder: " + source);
        }
        return Files.isDirectory(source) ? openFolder(source) : openFile(source);
    }

    private static PhotoSource openFolder(Path dir) throws IOException {
        if (InstaloaderSource.looksLikeInstaloaderFolder(dir)) {
            return InstaloaderSource.folder(dir);
        }
        if (!ExportFolder.findJsonFiles(dir).isEmpty()) {
            return new InstagramExportSource("instagram-export:" + dir, () -> ExportFolder.ofRoot(dir));
        }
        return new FolderSource(dir);
    }

    private static PhotoSource openFile(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".zip")) {
            ExportZip.open(file).close(); // fail now, not at scan time, when the zip is not an export
            return new InstagramExportSource("instagram-export:" + file, () -> ExportZip.open(file));
        }
        if (name.endsWith(".json") || name.endsWith(".json.xz")) {
            return openJson(file);
        }
        if (name.endsWith(".txt") || name.endsWith(".urls") || name.endsWith(".tsv")
                || UrlListSource.looksLikeUrlList(file)) {
            return new UrlListSource(file);
        }
        throw new SourceException(file + ": unknown format; " + EXPECTED);
    }

    private static PhotoSource openJson(Path file) throws IOException {
        return switch (JsonSniffer.sniff(file)) {
            case EXPORT_POSTS -> exportFile(file, ExportKind.POSTS);
            case EXPORT_STORIES -> exportFile(file, ExportKind.STORIES);
            case EXPORT_PROFILE -> exportFile(file, ExportKind.PROFILE_PICTURES);
            case SCRAPER -> new InstagramScraperSource(file);
            case INSTALOADER -> InstaloaderSource.file(file);
            case UNKNOWN -> throw new SourceException(file + " is JSON but not a known format: expected an Instagram"
                    + " export file (a posts_N.json array, {\"ig_stories\": ...}, {\"ig_profile_picture\": ...}),"
                    + " an instagram-scraper file ({\"GraphImages\": ...}) or an Instaloader file ({\"node\": ...})");
        };
    }

    private static PhotoSource exportFile(Path file, ExportKind kind) {
        return new InstagramExportSource("instagram-export:" + file, () -> ExportFolder.ofFile(file, kind));
    }
}
