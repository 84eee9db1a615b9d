package dev.photosearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.sun.net.httpserver.HttpServer;
import dev.photosearch.embed.TextEncoder;
import dev.photosearch.embed.TextModel;
import dev.photosearch.media.MediaLimits;
import dev.photosearch.media.MediaLoader;
import dev.photosearch.source.Sources;
import dev.photosearch.vision.ColourAnalyser;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failures that may pass (a thumbnail folder that cannot be written, a server error) are tried again later. */
class TemporaryFailuresTest {

    private static final TextEncoder ENCODER = TextEncoder.load(TextModel.BGE_SMALL);

    @TempDir
    Path dir;

    private IndexReport run(Path source) throws IOException {
        try (StoreWriter index = PhotoStore.embedded(dir.resolve("home/index")).writer();
                Indexer indexer = new Indexer(index, new MediaLoader(dir.resolve("home/thumbnails"),
                        MediaLimits.DEFAULTS), List.of(new ColourAnalyser()), ENCODER, 2)) {
            return indexer.index(Sources.open(source), (done, total) -> {});
        }
    }

    private static byte[] jpeg() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB), "jpeg", out);
        return out.toByteArray();
    }

    private Path folderOfTwo() throws IOException {
        Path photos = Files.createDirectories(dir.resolve("photos"));
        Files.write(photos.resolve("a.jpg"), jpeg());
        Files.write(photos.resolve("b.jpg"), jpeg());
        return photos;
    }

    /** A file where the thumbnail folder should be: unwritable even for root, unlike a read-only folder. */
    private Path blockThumbnails() throws IOException {
        Files.createDirectories(dir.resolve("home"));
        return Files.writeString(dir.resolve("home/thumbnails"), "in the way");
    }

    private ImageFactsOf stored(String sourceKey) throws IOException {
        try (StoreWriter index = PhotoStore.embedded(dir.resolve("home/index")).writer()) {
            Map<String, StoredState> states = index.states(sourceKey);
            return new ImageFactsOf(index.stored(states.keySet()), states);
        }
    }

    private record ImageFactsOf(Map<String, StoredPhoto> photos, Map<String, StoredState> states) {}

    @Test
    void thumbnailsThatCouldNotBeWrittenAreTriedAgainOnTheNextRun() throws IOException {
        Path photos = folderOfTwo();
        Path blocker = blockThumbnails();

        IndexReport blocked = run(photos);

        assertEquals(2, blocked.added(), "their text is indexed all the same");
        assertEquals(2, blocked.thumbnailsNotWritten());
        assertEquals(Map.of("thumbnail not written", 2), blocked.retrying());
        assertEquals(Map.of(), blocked.imageProblems(), "not stored as a final problem");
        stored(blocked.source()).states().values().forEach(s -> assertEquals(1, s.imageTries(), s.toString()));

        Files.delete(blocker);
        IndexReport freed = run(photos);

        assertEquals(0, freed.unchanged(), "the photos are looked at again, not taken as unchanged");
        assertEquals(2, freed.updated());
        assertEquals(Map.of(), freed.retrying());
        assertEquals(0, freed.thumbnailsNotWritten());
        ImageFactsOf after = stored(freed.source());
        after.photos().values().forEach(p -> {
            assertNull(p.entry().mediaProblem());
            assertNotNull(p.entry().thumbnail());
            assertNotNull(p.entry().facts());
        });
        assertEquals(2, run(photos).unchanged());
    }

    @Test
    void aProblemThatOutlastsTheTriesBecomesFinalAndIsSaidSo() throws IOException {
        Path photos = folderOfTwo();
        blockThumbnails();

        for (int tries = 1; tries < Indexer.MAX_IMAGE_TRIES; tries++) {
            IndexReport report = run(photos);
            assertEquals(Map.of("thumbnail not written", 2), report.retrying(), "run " + tries);
        }
        IndexReport last = run(photos);

        assertEquals(Map.of(), last.retrying());
        assertEquals(Map.of("thumbnail not written", 2), last.gaveUp());
        assertEquals(Map.of("thumbnail not written", 2), last.imageProblems());
        IndexReport after = run(photos);
        assertEquals(2, after.unchanged(), "given up: no more tries");
        assertEquals(0, after.thumbnailsNotWritten());
    }

    @Test
    void aPictureAnsweredWith503IsFetchedAgainOnTheNextRunAndIndexed() throws Exception {
        byte[] picture = jpeg();
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/p.jpg", exchange -> {
            boolean first = requests.incrementAndGet() == 1;
            exchange.getResponseHeaders().set("Content-Type", first ? "text/plain" : "image/jpeg");
            byte[] body = first ? "busy".getBytes() : picture;
            exchange.sendResponseHeaders(first ? 503 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            Path list = Files.writeString(dir.resolve("urls.txt"),
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/p.jpg\tthe picture\n");

            IndexReport busy = run(list);
            assertEquals(Map.of("HTTP 503", 1), busy.retrying());
            assertEquals(Map.of(), busy.imageProblems());

            IndexReport served = run(list);
            assertEquals(2, requests.get(), "asked again, not taken as unchanged");
            assertEquals(1, served.updated());
            assertEquals(Map.of(), served.retrying());
            StoredPhoto photo = stored(served.source()).photos().values().iterator().next();
            assertNull(photo.entry().mediaProblem());
            assertEquals(64, photo.entry().facts().width());

            assertEquals(1, run(list).unchanged());
            assertEquals(2, requests.get());
        } finally {
            server.stop(0);
        }
    }
}
