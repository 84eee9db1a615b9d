package dev.photosearch.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The JSON written by instagram-scraper ({@code {"GraphImages": [...]}}). A carousel's urls become photos
 * {@code shortcode}, {@code shortcode/2}...; images the scraper downloaded next to the JSON are preferred.
 */
public final class InstagramScraperSource implements PhotoSource {

    private final Path json;

    public InstagramScraperSource(Path json) {
        this.json = json.toAbsolutePath().normalize();
    }

    @Override
    public String key() {
        return "instagram-scraper:" + json;
    }

    @Override
    public Scan scan() throws IOException {
        ScanCollector scan = new ScanCollector();
        try (InputStream in = Files.newInputStream(json)) {
            JsonInput.forEachElement(in, json.toString(), "GraphImages", item -> {
                try {
                    readItem(item, scan);
                } catch (MalformedEntryException e) {
                    scan.skip("malformed post: " + e.getMessage());
                }
            });
        }
        return scan.build(key());
    }

    private void readItem(JsonNode item, ScanCollector scan) {
        GraphPost post = GraphNodeParser.parse(item);
        List<String> urls = JsonFields.texts(item, "urls");
        if (urls.isEmpty() && post.self().displayUrl() != null) {
            urls = List.of(post.self().displayUrl());
        }
        if (urls.isEmpty()) {
            scan.skip("post without image url");
            return;
        }
        for (int i = 0; i < urls.size(); i++) {
            URI url = WebUrls.parseHttp(urls.get(i));
            if (url == null) {
                scan.skip("image url is not http(s)");
                continue;
            }
            String path = i == 0 ? post.shortcode() : post.shortcode() + "/" + (i + 1);
            // Carousel urls carry no per-item flags here, so a video is known by its file extension.
            boolean video = MediaTypes.isVideoFile(url.getPath()) || (urls.size() == 1 && post.self().video());
            GraphMedia media = new GraphMedia(url.toString(), video, post.self().altText());
            scan.add(post.toPhoto(key(), path, media, location(url)));
        }
    }

    private MediaLocation location(URI url) {
        Path local = WebUrls.downloadedFile(json.getParent(), url);
        return local != null ? new MediaLocation.LocalFile(local) : new MediaLocation.Remote(url);
    }
}
