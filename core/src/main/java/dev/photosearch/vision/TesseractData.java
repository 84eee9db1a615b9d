package dev.photosearch.vision;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tesseract's language data on this machine: the folder holding {@code eng.traineddata} or {@code fra.traineddata},
 * and the languages of those two it holds ("eng+fra"). The library ships inside the application; the data is the
 * system's, found without the {@code tesseract} program.
 */
record TesseractData(Path folder, String languages) {

    private static final List<String> WANTED_LANGUAGES = List.of("eng", "fra");

    /** Why text is not read when no folder holds the data, and what to install on each system. */
    static final String MISSING = "no Tesseract language data (eng.traineddata or fra.traineddata) in $TESSDATA_PREFIX "
            + "or the usual folders; install it (Debian, Ubuntu: apt install tesseract-ocr-eng tesseract-ocr-fra; "
            + "Fedora: dnf install tesseract-langpack-eng tesseract-langpack-fra; Arch: pacman -S tesseract-data-eng "
            + "tesseract-data-fra; macOS: brew install tesseract tesseract-lang; Windows: the Tesseract-OCR installer "
            + "from UB Mannheim, with French ticked) or set TESSDATA_PREFIX to a folder holding them";

    /** The data found through {@code env} (the process's environment variables), if any. */
    static Optional<TesseractData> find(Map<String, String> env) {
        return in(folders(env));
    }

    /**
     * Where to look, in order: {@code $TESSDATA_PREFIX} (the tessdata folder itself since Tesseract 4, its parent
     * before), then where the packages of Debian and Ubuntu, Fedora, Arch, Homebrew, MacPorts and the Windows
     * installers put it.
     */
    static List<Path> folders(Map<String, String> env) {
        List<Path> folders = new ArrayList<>();
        String prefix = env.get("TESSDATA_PREFIX");
        if (prefix != null && !prefix.isBlank()) {
            folders.add(Path.of(prefix));
            folders.add(Path.of(prefix, "tessdata"));
        }
        for (String folder : List.of("/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata",
                "/usr/share/tesseract/tessdata", "/usr/share/tessdata", "/opt/homebrew/share/tessdata",
                "/usr/local/share/tessdata", "/opt/local/share/tessdata")) {
            folders.add(Path.of(folder));
        }
        for (String variable : List.of("ProgramFiles", "ProgramFiles(x86)", "LOCALAPPDATA")) {
            String root = env.get(variable);
            if (root != null && !root.isBlank()) {
                folders.add(variable.equals("LOCALAPPDATA") ? Path.of(root, "Programs", "Tesseract-OCR", "tessdata")
                        : Path.of(root, "Tesseract-OCR", "tessdata"));
            }
        }
        return folders;
    }

    /** The first of {@code folders} holding English or French data. */
    static Optional<TesseractData> in(List<Path> folders) {
        for (Path folder : folders) {
            List<String> held = WANTED_LANGUAGES.stream()
                    .filter(language -> Files.isRegularFile(folder.resolve(language + ".traineddata")))
                    .toList();
            if (!held.isEmpty()) {
                return Optional.of(new TesseractData(folder, String.join("+", held)));
            }
        }
        return Optional.empty();
    }
}
