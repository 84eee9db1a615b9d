package dev.photosearch.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The language data is found from folder contents alone: the folders here hold empty files of the data's names. */
class TesseractDataTest {

    @TempDir
    Path dir;

    private Path folder(String name, String... files) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        for (String file : files) {
            Files.createFile(folder.resolve(file));
        }
        return folder;
    }

    @Test
    void theFirstFolderHoldingEnglishOrFrenchWinsWithTheLanguagesItHolds() throws IOException {
        Path none = folder("none");
        Path others = folder("others", "deu.traineddata", "osd.traineddata", "eng.traineddata.part");
        Path french = folder("french", "fra.traineddata", "deu.traineddata");
        Path both = folder("both", "fra.traineddata", "eng.traineddata", "osd.traineddata");

        assertEquals(Optional.of(new TesseractData(french, "fra")),
                TesseractData.in(List.of(dir.resolve("absent"), none, others, french, both)));
        assertEquals(Optional.of(new TesseractData(both, "eng+fra")), TesseractData.in(List.of(others, both)));
        assertEquals(Optional.empty(), TesseractData.in(List.of(none, others, dir.resolve("absent"))));
    }

    @Test
    void aFolderNamedLikeTheDataIsNotTheData() throws IOException {
        Path folder = folder("tricky");
        Files.createDirectory(folder.resolve("eng.traineddata"));
        assertEquals(Optional.empty(), TesseractData.in(List.of(folder)));
    }

    @Test
    void tessdataPrefixComesFirstAsTheFolderItselfOrItsParent() throws IOException {
        Path parent = dir.resolve("tesseract3");
        folder("tesseract3/tessdata", "eng.traineddata");
        Map<String, String> env = Map.of("TESSDATA_PREFIX", parent.toString());

        List<Path> folders = TesseractData.folders(env);

        assertEquals(List.of(parent, parent.resolve("tessdata")), folders.subList(0, 2));
        assertEquals(Optional.of(new TesseractData(parent.resolve("tessdata"), "eng")),
                TesseractData.in(folders.subList(0, 2)));
    }

    @Test
    void theUsualFoldersOfEachSystemAreSearchedInOrder() {
        List<Path> folders = TesseractData.folders(Map.of("ProgramFiles", "C:\\Program Files",
                "LOCALAPPDATA", "C:\\Users\\ann\\AppData\\Local"));

        List<Path> expected = List.of(Path.of("/usr/share/tesseract-ocr/5/tessdata"),
                Path.of("/usr/share/tesseract-ocr/4.00/tessdata"), Path.of("/opt/homebrew/share/tessdata"),
                Path.of("/usr/local/share/tessdata"), Path.of("C:\\Program Files", "Tesseract-OCR", "tessdata"),
                Path.of("C:\\Users\\ann\\AppData\\Local", "Programs", "Tesseract-OCR", "tessdata"));
        assertEquals(expected, folders.stream().filter(expected::contains).toList());
        assertTrue(TesseractData.folders(Map.of("TESSDATA_PREFIX", " ")).stream()
                .noneMatch(folder -> folder.toString().isBlank()), "a blank TESSDATA_PREFIX is ignored");
    }

    @Test
    void theNoticeSaysWhatToInstallOnEachSystem() {
        for (String advice : List.of("apt install tesseract-ocr-eng tesseract-ocr-fra", "brew install tesseract",
                "Windows: the Tesseract-OCR installer", "TESSDATA_PREFIX")) {
            assertTrue(TesseractData.MISSING.contains(advice), advice);
        }
    }
}
