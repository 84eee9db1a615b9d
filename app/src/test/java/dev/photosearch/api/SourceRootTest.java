package dev.photosearch.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.photosearch.source.Photo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only files inside a photo's source root may be served. */
class SourceRootTest {

    @TempDir
    Path dir;

    private static Photo photo(String source, String path) {
        return new Photo("0123456789abcdef0123", source, path, null, null, null, "", List.of(), List.of(), "", "",
                false, Map.of(), "");
    }

    @Test
    void aFileOfTheSourceFolderIsInside() throws Exception {
        Path root = Files.createDirectories(dir.resolve("pics"));
        Path file = Files.writeString(root.resolve("a.jpg"), "x");
        assertTrue(SourceRoot.contains(photo("folder:" + root, "a.jpg"), file));
    }

    @Test
    void dotDotAndOtherFoldersAreOutside() throws Exception {
        Path root = Files.createDirectories(dir.resolve("pics"));
        Path secret = Files.writeString(dir.resolve("secret.txt"), "x");
        assertFalse(SourceRoot.contains(photo("folder:" + root, "../secret.txt"), root.resolve("../secret.txt")));
        assertFalse(SourceRoot.contains(photo("folder:" + root, "secret.txt"), secret));
        assertFalse(SourceRoot.contains(photo("url-list", "x"), secret));
        assertFalse(SourceRoot.contains(photo("folder:relative/path", "secret.txt"), secret));
    }

    @Test
    void aSymbolicLinkLeavingTheRootIsOutside() throws Exception {
        Path root = Files.createDirectories(dir.resolve("pics"));
        Path secret = Files.writeString(dir.resolve("secret.jpg"), "x");
        Path link = Files.createSymbolicLink(root.resolve("link.jpg"), secret);
        assertFalse(SourceRoot.contains(photo("folder:" + root, "link.jpg"), link));
    }

    @Test
    void anExportFileServesMediaFromTheExportRootAboveIt() throws Exception {
        Path export = dir.resolve("export");
        Path json = Files.createDirectories(export.resolve("your_instagram_activity/content")).resolve("posts_1.json");
        Files.writeString(json, "[]");
        Path media = Files.createDirectories(export.resolve("media/posts"));
        Path file = Files.writeString(media.resolve("a.jpg"), "x");
        assertTrue(SourceRoot.contains(photo("instagram-export:" + json, "media/posts/a.jpg"), file));
        Path elsewhere = Files.writeString(Files.createDirectories(dir.resolve("other/media/posts")).resolve("a.jpg"), "x");
        assertFalse(SourceRoot.contains(photo("instagram-export:" + json, "media/posts/a.jpg"), elsewhere));
    }
}
