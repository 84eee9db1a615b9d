package dev.photosearch.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A text file of image urls, one per line with an optional TAB and caption; '#' starts a comment line. */
public final class UrlListSource implements PhotoSource {

    /** Bad line numbers listed in the notice; more would drown it. */
    private static final int LISTED_BAD_LINES = 10;
    private static final int SNIFF_BYTES = 8192;
    private static final int SNIFF_LINES = 20;

    private final Path file;

    public UrlListSource(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    @Override
    public String key() {
        return "urls:" + file;
    }

    @Override
    public Scan scan() throws IOException {
        ScanCollector scan = new ScanCollector();
        CaptionLimit captions = new CaptionLimit();
        List<Integer> badLines = new ArrayList<>();
        // A byte that is not UTF-8 becomes U+FFFD: its line is skipped as not a URL, or keeps its caption; never the list.
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (isIgnored(line)) {
                    continue;
                }
                String[] parts = line.split("\t", 2);
                URI url = WebUrls.parseHttp(parts[0]);
                if (url == null) {
                    scan.skip("not an http(s) URL");
                    badLines.add(number);
                } else {
                    scan.add(photo(url, captions.apply(parts.length > 1 ? parts[1].strip() : "")));
                }
            }
        }
        if (!badLines.isEmpty()) {
            scan.notice(file.getFileName() + ": skipped " + badLines.size() + " line(s) that are not http(s) URLs: "
                    + describe(badLines));
        }
        captions.noteIn(scan);
        return scan.build(key());
    }

    /** Whether a file of unknown extension is a url list: its first lines with content are all http(s) urls. */
    static boolean looksLikeUrlList(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF_BYTES);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(head)).toString();
        } catch (CharacterCodingException e) {
            return false; // binary, or a text encoding we would not read anyway
        }
        List<String> lines = text.lines().filter(line -> !isIgnored(line)).limit(SNIFF_LINES).toList();
        if (head.length == SNIFF_BYTES && lines.size() > 1) {
            lines = lines.subList(0, lines.size() - 1); // the last line may be cut short
        }
        return !lines.isEmpty() && lines.stream().allMatch(line -> WebUrls.parseHttp(line.split("\t", 2)[0]) != null);
    }

    /** Blank lines and '#' comments carry no url. */
    static boolean isIgnored(String line) {
        String trimmed = line.strip();
        return trimmed.isEmpty() || trimmed.startsWith("#");
    }

    private Photo photo(URI url, String caption) {
        String path = url.toString();
        String fingerprint = new Fingerprint().add("path", path).add("caption", caption).hash();
        return new Photo(Photo.idFor(key(), path), key(), path, new MediaLocation.Remote(url), null, null, caption,
                CaptionTags.hashtags(caption), CaptionTags.mentions(caption), "", "",
                MediaTypes.isVideoFile(url.getPath() == null ? "" : url.getPath()), Map.of(), fingerprint);
    }

    private static String describe(List<Integer> lines) {
        String listed = lines.stream().limit(LISTED_BAD_LINES).map(String::valueOf).collect(Collectors.joining(", "));
        return lines.size() > LISTED_BAD_LINES ? "lines " + listed + "..." : "lines " + listed;
    }
}
