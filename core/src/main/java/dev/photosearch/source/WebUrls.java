package dev.photosearch.source;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/** Parsing of http(s) media urls, and the local file names downloaders give them. */
final class WebUrls {

    private WebUrls() {}

    /** The url when {@code text} is an absolute http or https url with a host; null otherwise. */
    static URI parseHttp(String text) {
        if (text == null) {
            return null;
        }
        try {
            URI uri = new URI(text.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** The remote location of {@code url}, or null when it is not an http(s) url. */
    static MediaLocation.Remote remote(String url) {
        URI uri = parseHttp(url);
        return uri == null ? null : new MediaLocation.Remote(uri);
    }

    /**
     * The file in {@code dir} named like the url's last path segment (no query string), as instagram-scraper
     * saves it; null when there is no such file.
     */
    static Path downloadedFile(Path dir, URI url) {
        String path = url.getPath();
        if (path == null) {
            return null;
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return null;
        }
        try {
            // By its real path: a link beside the JSON could lead anywhere.
            Path file = dir.resolve(name);
            return FileKinds.regularInside(dir.toRealPath(), file) == null ? null : file;
        } catch (IOException | RefusedFileException | InvalidPathException e) {
            return null; // nothing readable was saved under that name (or no file can have it: "%00" decoded)
        }
    }
}
