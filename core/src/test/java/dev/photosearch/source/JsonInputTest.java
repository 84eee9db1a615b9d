package dev.photosearch.source;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonInputTest {

    @TempDir
    Path dir;

    @Test
    void anXzFileAskingForAHugeDictionaryIsRefusedBeforeItIsAllocated() throws Exception {
        // 84 bytes of {"node":{"shortcode":"abc"}} whose block header asks for a 1.5 GiB LZMA2 dictionary.
        Path file = Files.write(dir.resolve("post.json.xz"), Base64.getDecoder().decode(
                "/Td6WFoAAATm1rRGAgAhASUAAAA7eHtBAQAbeyJub2RlIjp7InNob3J0Y29kZSI6ImFiYyJ9fQC91D+JOHEOGwABNByTGq2PH7bzfQEAAAAABFla"));

        SourceException refused = assertThrows(SourceException.class, () -> {
            try (InputStream in = JsonInput.open(file)) {
                in.readAllBytes();
            }
        });

        assertTrue(refused.getMessage().startsWith(file + " is not a valid .xz file: "), refused.getMessage());
    }
}
