package dev.photosearch.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.photosearch.testing.SpecialFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderSourceTest {

    @TempDir
    Path dir;

    @Test
    void importsImagesRecursivelyAndCountsOtherFiles() throws Exception {
        Path root = dir.resolve("pics");
        Fixtures.write(root.resolve("Holidays 2019/Beach.JPG"), "x");
        Fixtures.write(root.resolve("cat.webp"), "x");
        Fixtures.write(root.resolve("a/b/c.png"), "x");
        Fixtures.write(root.resolve("notes.txt"), "x");
        Fixtures.write(root.resolve("README"), "x");
        Fixtures.write(root.resolve(".hidden.jpg"), "x");
        Fixtures.write(root.resolve(".thumbs/t.jpg"), "x");
        Fixtures.write(dir.resolve("outside.jpg"), "x");
        Files.createSymbolicLink(root.resolve("link.jpg"), dir.resolve("outside.jpg"));

        Scan scan = new FolderSource(root).scan();

        assertEquals(List.of("Holidays 2019/Beach.JPG", "a/b/c.png", "cat.webp"),
                scan.photos().stream().map(Photo::path).toList());
        assertEquals(Map.of("not an image (.txt)", 1, "not an image (no extension)", 1,
                "symbolic link leading out of the folder", 1), scan.skipped());
        Photo beach = scan.photos().get(0);
        assertEquals("folder:" + root, beach.source());
        assertEquals(new MediaLocation.LocalFile(root.resolve("Holidays 2019/Beach.JPG")), beach.media());
        assertEquals("", beach.caption());
    }

    @Test
    void fingerprintFollowsFileChangesAndIdStaysStable() throws Exception {
        Path file = Fixtures.write(dir.resolve("a.jpg"), "x");
        Photo before = new FolderSource(dir).scan().photos().get(0);
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() - 60_000));
        Photo after = new FolderSource(dir).scan().photos().get(0);

        assertEquals(before.id(), after.id());
        assertNotEquals(before.fingerprint(), after.fingerprint());
        assertInstanceOf(MediaLocation.LocalFile.class, after.media());
    }

    @Test
    void aFifoInsideTheFolderIsSkippedUnopenedAndALinkToOneIsNamedSo() throws Exception {
        Path root = dir.resolve("pics");
        Fixtures.write(root.resolve("a.jpg"), "x");
        Path fifo = SpecialFiles.mkfifo(root.resolve("pipe.jpg"));
        Files.createSymbolicLink(root.resolve("link.jpg"), fifo);
        Files.createDirectories(root.resolve("sub"));
        Files.createSymbolicLink(root.resolve("folder-link.jpg"), root.resolve("sub"));

        Scan scan = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> new FolderSource(root).scan());

        assertEquals(List.of("a.jpg"), scan.photos().stream().map(Photo::path).toList());
        assertEquals(Map.of("not a regular file: a FIFO (named pipe), not read", 1,
                "symbolic link to a FIFO (named pipe) (not followed)", 1,
                "symbolic link to a folder (not followed)", 1), scan.skipped());
    }

    @Test
    void aFolderGivenThroughASymbolicLinkIsWalkedBehindIt() throws Exception {
        Fixtures.write(dir.resolve("pics/a/b.jpg"), "x");
        Path link = Files.createSymbolicLink(dir.resolve("linked"), dir.resolve("pics"));

        Scan scan = new FolderSource(link).scan();

        assertEquals(List.of("a/b.jpg"), scan.photos().stream().map(Photo::path).toList());
        assertEquals(new MediaLocation.LocalFile(link.resolve("a/b.jpg")), scan.photos().get(0).media());
    }
}
