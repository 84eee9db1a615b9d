package dev.photosearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the packaged jar ships, as the README's platform table says: ONNX Runtime (every model) and Tesseract with
 * Leptonica (text reading) for the same four platforms, nothing of TensorFlow, and no native file that is not loaded
 * at run time. Failsafe runs it in the verify phase, once the shade plugin has built the jar.
 */
class PackagedJarIT {

    private static Set<String> entries;

    @BeforeAll
    static void readTheJar() throws IOException {
        Path jar = Path.of(System.getProperty("photosearch.jar", "target/photosearch.jar"));
        assertTrue(Files.isRegularFile(jar), jar + " is built by the package phase");
        try (JarFile file = new JarFile(jar.toFile())) {
            entries = new TreeSet<>(file.stream().map(ZipEntry::getName).toList());
        }
    }

    @Test
    void onnxRuntimeShipsForLinuxX64AndArm64MacArmAndWindowsX64() {
        // ONNX Runtime 1.29's Maven jar has no Intel macOS build: upstream dropped it.
        assertNatives("ai/onnxruntime/native/", Map.of(
                "linux-x64", List.of("libonnxruntime\\.so", "libonnxruntime4j_jni\\.so"),
                "linux-aarch64", List.of("libonnxruntime\\.so", "libonnxruntime4j_jni\\.so"),
                "osx-aarch64", List.of("libonnxruntime\\.dylib", "libonnxruntime4j_jni\\.dylib"),
                "win-x64", List.of("onnxruntime\\.dll", "onnxruntime4j_jni\\.dll")));
    }

    @Test
    void tesseractAndLeptonicaShipForTheSamePlatforms() {
        // Bytedeco's names: the library with its version where the platform puts it, and its JNI library beside it.
        Map<String, String> names = Map.of("linux-x86_64", "lib%s\\.so[.0-9]*", "linux-arm64", "lib%s\\.so[.0-9]*",
                "macosx-arm64", "lib%s[.0-9]*\\.dylib", "windows-x86_64", "(lib)?%s[0-9]*\\.dll");
        for (String library : List.of("tesseract", "leptonica")) {
            Map<String, List<String>> expected = new TreeMap<>();
            names.forEach((platform, name) -> expected.put(platform,
                    List.of(name.formatted(library), name.formatted("jni" + library))));
            assertNatives("org/bytedeco/" + library + "/", expected);
        }
    }

    /** Exactly these platforms under {@code root}, each with a file matching each of the patterns. */
    private static void assertNatives(String root, Map<String, List<String>> patterns) {
        Set<String> platforms = new TreeSet<>();
        for (String entry : entries) {
            int slash = entry.indexOf('/', root.length());
            // A platform's folder holds files other than classes (Bytedeco keeps Java packages beside them).
            if (entry.startsWith(root) && slash > 0 && !entry.endsWith("/") && !entry.endsWith(".class")) {
                platforms.add(entry.substring(root.length(), slash));
            }
        }
        assertEquals(new TreeSet<>(patterns.keySet()), platforms, root);
        patterns.forEach((platform, files) -> files.forEach(file -> assertTrue(
                entries.stream().anyMatch(entry -> entry.matches(Pattern.quote(root + platform + "/") + file)),
                root + platform + "/" + file)));
    }

    @Test
    void nothingOfTensorFlow() {
        assertNone("TensorFlow", entry -> entry.startsWith("org/tensorflow/")
                || entry.toLowerCase(Locale.ROOT).contains("libtensorflow"));
    }

    @Test
    void noNativeFileThatIsNotLoadedAtRunTime() {
        assertNone("macOS debug symbols", entry -> entry.contains(".dSYM/"));
        assertNone("C headers, static or import libraries, build files",
                entry -> entry.startsWith("org/bytedeco/") && (entry.contains("/include/") || entry.endsWith(".a")
                        || entry.endsWith(".cmake") || entry.endsWith(".pc")));
        assertNone("tesseract programs", entry -> entry.matches("org/bytedeco/tesseract/[^/]+/tesseract(\\.exe)?"));
    }

    private static void assertNone(String what, Predicate<String> unwanted) {
        List<String> found = entries.stream().filter(unwanted).limit(5).toList();
        assertEquals(List.of(), found, what + " in the jar");
    }
}
