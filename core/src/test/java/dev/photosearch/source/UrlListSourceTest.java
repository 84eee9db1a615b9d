package dev.photosearch.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UrlListSourceTest {

    @TempDir
    Path dir;

    @Test
    void readsUrlsWithOptionalCaptionsAndReportsBadLines() throws Exception {
        Path list = Fixtures.write(dir.resolve("photos.txt"), """
                # my favourites
                https://example.com/a.jpg\tDog on the #beach with @ann

                http://example.com/b.png
                ftp://example.com/c.jpg
                not a url
                https://example.com/clip.mp4
                """);

        Scan scan = Sources.open(list).scan();

        assertEquals(List.of("https://example.com/a.jpg", "http://example.com/b.png", "https://example.com/clip.mp4"),
                scan.photos().stream().map(Photo::path).toList());
        Photo dog = scan.photos().get(0);
        assertEquals("Dog on the #beach with @ann", dog.caption());
        assertEquals(List.of("beach"), dog.hashtags());
        assertEquals(List.of("ann"), dog.mentions());
        assertEquals(new MediaLocation.Remote(URI.create("https://example.com/a.jpg")), dog.media());
        assertEquals(true, scan.photos().get(2).video());
        assertEquals(Map.of("not an http(s) URL", 2), scan.skipped());
        assertEquals(List.of("photos.txt: skipped 2 line(s) that are not http(s) URLs: lines 5, 6"), scan.notices());
    }

    @Test
    void bytesThatAreNotUtf8SkipTheirLineOnly() throws Exception {
        // Latin-1 bytes: 0x9D and 0xE9 on their own are not UTF-8.
        Path list = Files.write(dir.resolve("photos.txt"),
                "http://a.\u009d/x.jpg\nhttp://b/y.jpg\tcaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

        Scan scan = Sources.open(list).scan();

        assertEquals(List.of("http://b/y.jpg"), scan.photos().stream().map(Photo::path).toList());
        assertEquals("caf\uFFFD", scan.photos().get(0).caption());
        assertEquals(Map.of("not an http(s) URL", 1), scan.skipped());
    }

    @Test
    void textFileOfUrlsIsDetectedWhateverItsExtension() throws Exception {
        Path list = Fixtures.write(dir.resolve("links.list"), "https://example.com/a.jpg\nhttps://example.com/b.jpg\n");

        PhotoSource source = Sources.open(list);

        assertInstanceOf(UrlListSource.class, source);
        assertEquals("urls:" + list, source.key());
        assertEquals(2, source.scan().photos().size());
    }

    @Test
    void anOverlongCaptionIsCutAndSaidSo() throws Exception {
        Path list = Fixtures.write(dir.resolve("photos.txt"), "https://example.com/a.jpg\t" + "é".repeat(30_000) + "\n");

        Scan scan = new UrlListSource(list).scan();

        assertEquals(CaptionLimit.MAX_CHARS, scan.photos().get(0).caption().length());
        assertEquals(List.of("1 caption(s) longer than 10,000 characters were cut to that length"), scan.notices());
    }
}
