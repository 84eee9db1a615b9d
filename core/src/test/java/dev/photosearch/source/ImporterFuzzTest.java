package dev.photosearch.source;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Coverage-guided fuzzing of the importers (Jazzer): whatever files a source holds, reading it gives photos whose media
 * lie inside the source, or a {@link SourceException} for the user; never another exception, a hang or a read
 * outside. Each input is a {@link FuzzTree}; the saved ones under {@code ImporterFuzzTestInputs/} run in every build.
 */
@Timeout(30)
class ImporterFuzzTest {

    @TempDir
    static Path base;

    /** The first file of the tree as a source: an export JSON, a scraper or Instaloader JSON (.xz), a URL list. */
    @FuzzTest
    void fileSource(byte[] input) throws IOException {
        withFreshFolder(root -> {
            Path first = FuzzTree.parse(input).writeUnder(root);
            if (first != null) {
                scanOrRefuse(first, root);
            }
        });
    }

    /** The folder as a source: an extracted Instagram export, an Instaloader folder or a folder of images. */
    @FuzzTest
    void folderSource(byte[] input) throws IOException {
        withFreshFolder(root -> {
            Path folder = root.resolve("source");
            Files.createDirectory(folder);
            FuzzTree.parse(input).writeUnder(folder);
            scanOrRefuse(folder, root);
        });
    }

    /** The tree zipped as an Instagram export zip. */
    @FuzzTest
    void zipSource(byte[] input) throws IOException {
        withFreshFolder(root -> {
            Path zip = root.resolve("export.zip");
            FuzzTree.parse(input).writeZip(zip);
            scanOrRefuse(zip, root);
        });
    }

    private static void scanOrRefuse(Path source, Path root) throws IOException {
        Scan scan;
        try {
            scan = Sources.open(source).scan();
        } catch (SourceException refused) {
            return; // the documented answer to bad input: one message for the user
        }
        for (Photo photo : scan.photos()) {
            Path read = photo.media() instanceof MediaLocation.LocalFile local ? local.file()
                    : photo.media() instanceof MediaLocation.ZipEntry entry ? entry.zip() : null;
            assertTrue(read == null || read.toAbsolutePath().normalize().startsWith(root),
                    "read outside the source: " + read);
        }
    }

    @FunctionalInterface
    private interface FolderAction {
        void run(Path root) throws IOException;
    }

    private static void withFreshFolder(FolderAction action) throws IOException {
        Path root = Files.createTempDirectory(base, "input").toRealPath();
        try {
            action.run(root);
        } finally {
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
