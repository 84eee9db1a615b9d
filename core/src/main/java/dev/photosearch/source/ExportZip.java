package dev.photosearch.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/** An Instagram export zip read in place, without extracting it. */
final class ExportZip implements ExportStore {

    private static final List<String> JSON_FOLDERS = List.of("your_instagram_activity/content/", "content/");

    private final Path zipPath;
    private final ZipFile zip;
    private final String rootPrefix;
    private final List<ExportFile> files;

    private ExportZip(Path zipPath, ZipFile zip, String rootPrefix, List<ExportFile> files) {
        this.zipPath = zipPath;
        this.zip = zip;
        this.rootPrefix = rootPrefix;
        this.files = files;
    }

    /** Opens the zip and finds its posts files; fails when it holds none. */
    static ExportZip open(Path zipPath) throws IOException {
        ZipFile zip;
        try {
            zip = new ZipFile(zipPath.toFile());
        } catch (ZipException e) {
            throw new SourceException(zipPath + " is not a readable zip file: " + e.getMessage(), e);
        }
        try {
            // Group the photo-listing JSON entries by folder; the shallowest folder holding posts is the export.
            Map<String, List<String>> byFolder = new TreeMap<>(Comparator.comparingInt(String::length)
                    .thenComparing(Comparator.naturalOrder()));
            zip.stream().filter(e -> !e.isDirectory()).map(ZipEntry::getName).forEach(name -> {
                if (ExportKind.ofFileName(name.substring(name.lastIndexOf('/') + 1)) != null) {
                    byFolder.computeIfAbsent(name.substring(0, name.lastIndexOf('/') + 1), k -> new ArrayList<>()).add(name);
                }
            });
            for (Map.Entry<String, List<String>> folder : byFolder.entrySet()) {
                List<ExportFile> files = exportFiles(zipPath, folder.getValue());
                if (files.stream().anyMatch(f -> f.kind() == ExportKind.POSTS)) {
                    return new ExportZip(zipPath, zip, rootOf(folder.getKey()), files);
                }
            }
            throw new SourceException(zipPath + " holds no posts_N.json: expected an Instagram export"
                    + " (\"Download your information\" in JSON format)");
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    private static List<ExportFile> exportFiles(Path zipPath, List<String> names) {
        List<ExportFile> files = new ArrayList<>();
        for (String name : names) {
            ExportKind kind = ExportKind.ofFileName(name.substring(name.lastIndexOf('/') + 1));
            files.add(new ExportFile(zipPath.getFileName() + "!/" + name, name, kind));
        }
        files.sort(ExportFile.ORDER);
        return files;
    }

    /** "x/your_instagram_activity/content/" → "x/": media uris are relative to the export root. */
    private static String rootOf(String folder) {
        for (String layout : JSON_FOLDERS) {
            if (folder.equals(layout) || folder.endsWith("/" + layout)) {
                return folder.substring(0, folder.length() - layout.length());
            }
        }
        return folder;
    }

    @Override
    public List<ExportFile> jsonFiles() {
        return files;
    }

    @Override
    public InputStream open(ExportFile file) throws IOException {
        ZipEntry entry = zip.getEntry(file.locator());
        if (entry == null) {
            throw new SourceException(file.name() + " vanished from the zip while reading it");
        }
        return zip.getInputStream(entry);
    }

    @Override
    public StoredMedia find(String uri) {
        String name = rootPrefix + uri;
        ZipEntry entry = zip.getEntry(name);
        if (entry == null || entry.isDirectory()) {
            return null;
        }
        return new StoredMedia(new MediaLocation.ZipEntry(zipPath, name), entry.getSize(), entry.getTime());
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
