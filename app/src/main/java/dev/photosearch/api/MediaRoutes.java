package dev.photosearch.api;

import dev.photosearch.index.IndexedPhoto;
import dev.photosearch.media.MediaLimits;
import dev.photosearch.source.MediaLocation;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Serves a photo's cached thumbnail and its original picture. Only files inside the home (thumbnails) or inside
 * the photo's source root are ever read, after symbolic links are resolved; remote originals are a redirect.
 */
final class MediaRoutes {

    private static final Map<String, String> TYPES = Map.of(
            "jpg", "image/jpeg", "jpeg", "image/jpeg", "png", "image/png", "gif", "image/gif",
            "webp", "image/webp", "bmp", "image/bmp", "mp4", "video/mp4");
    private static final String CACHE = "private, max-age=3600";

    private final Library library;
    private final PhotoLookup photos;

    MediaRoutes(Library library, PhotoLookup photos) {
        this.library = library;
        this.photos = photos;
    }

    /**
     * The thumbnail cached on this machine; else the picture itself, since thumbnails stay on the machine that
     * indexed the photo while a shared Solr store serves photos indexed elsewhere.
     */
    void thumbnail(Context ctx) throws IOException {
        IndexedPhoto entry = photos.require(ctx);
        Optional<Path> file = library.media().thumbnailFor(entry.photo().id())
                .filter(p -> SourceRoot.inside(p, library.home()));
        if (file.isEmpty()) {
            original(ctx, entry);
            return;
        }
        send(ctx, "image/jpeg", Files.newInputStream(file.get()), Files.size(file.get()));
    }

    void image(Context ctx) throws IOException {
        original(ctx, photos.require(ctx));
    }

    private void original(Context ctx, IndexedPhoto entry) throws IOException {
        MediaLocation media = entry.photo().media();
        if (media == null) {
            throw ApiException.notFound("the source has no picture for this photo");
        }
        if (media instanceof MediaLocation.Remote remote) {
            String scheme = String.valueOf(remote.url().getScheme()).toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw ApiException.notFound("the picture is not at a web address");
            }
            ctx.redirect(remote.url().toString(), HttpStatus.FOUND);
            return;
        }
        if (media instanceof MediaLocation.LocalFile local) {
            Path file = local.file();
            if (!SourceRoot.contains(entry.photo(), file) || !Files.isRegularFile(file)) {
                throw ApiException.notFound("the picture is not in its source folder any more");
            }
            send(ctx, type(file.getFileName().toString()), Files.newInputStream(file), Files.size(file));
            return;
        }
        MediaLocation.ZipEntry zipped = (MediaLocation.ZipEntry) media;
        if (!SourceRoot.contains(entry.photo(), zipped.zip()) || !Files.isRegularFile(zipped.zip())) {
            throw ApiException.notFound("the export zip is not where it was indexed");
        }
        sendZipEntry(ctx, zipped);
    }

    private void sendZipEntry(Context ctx, MediaLocation.ZipEntry zipped) throws IOException {
        String type = type(zipped.entry());
        try (ZipFile zip = new ZipFile(zipped.zip().toFile())) {
            ZipEntry entry = zip.getEntry(zipped.entry());
            if (entry == null || entry.isDirectory()) {
                throw ApiException.notFound("the picture is not in the export zip");
            }
            try (InputStream in = zip.getInputStream(entry)) {
                // The declared size can lie: read at most the media limit.
                long max = MediaLimits.DEFAULTS.maxBytes();
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
                if (bytes.length > max) {
                    throw new ApiException(413, "too_large", "the picture is larger than " + max + " bytes");
                }
                ctx.header("Cache-Control", CACHE).contentType(type).result(bytes);
            }
        }
    }

    private static void send(Context ctx, String type, InputStream in, long size) {
        ctx.header("Cache-Control", CACHE).header("Content-Length", Long.toString(size)).contentType(type).result(in);
    }

    private static String type(String name) {
        int dot = name.lastIndexOf('.');
        String type = dot < 0 ? null : TYPES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
        if (type == null) {
            throw new ApiException(415, "unsupported_media", "not a picture format the browser can show: " + name);
        }
        return type;
    }
}
