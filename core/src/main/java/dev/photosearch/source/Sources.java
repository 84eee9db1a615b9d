package dev.photosearch.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Opens a SOURCE given on the command line: detects its format and returns the importer that reads it. */
public final class Sources {

    private static final String EXPECTED = "expected a folder of images, an Instagram export (folder, .zip or"
            + " posts_N.json), an instagram-scraper .json, Instaloader files (.json or .json.xz), gallery-dl metadata"
            + " (.json) or a text file of image URLs";

    private static final String INSTAGRAM = "instagram:";
    private static final String INSTAGRAM_API = "instagram-api:";

    private Sources() {}

    /**
     * Opens a file or folder source given as a path relative to the working directory.
     *
     * @throws SourceException when the path does not exist, its format is not recognised, or it is a live
     *                         Instagram spec, which needs a home folder: see {@link #open(String, Path, CollectOptions)}
     */
    public static PhotoSource open(String spec) throws IOException {
        if (isLive(spec)) {
            throw new SourceException(spec + ": a live Instagram source needs the home folder to keep what it"
                    + " collects");
        }
        return open(Path.of(spec));
    }

    /** Opens any source spec, live Instagram ones with the options of the environment. */
    public static PhotoSource open(String spec, Path home) throws IOException {
        return isLive(spec) ? open(spec, home, CollectOptions.fromEnvironment()) : open(spec);
    }

    /**
     * Opens a source spec: a path, {@code instagram:USERNAME} or {@code instagram:id:NUMBER} (a profile, read like
     * the web app does) or
     * {@code instagram-api:[NAME]} (your professional account through the official API). What live sources collect
     * is kept under {@code home/collections/}.
     */
    public static PhotoSource open(String spec, Path home, CollectOptions options) throws IOException {
        return isLive(spec) ? openCollection(spec, home, options) : open(spec);
    }

    /** Whether the spec names a live Instagram account rather than a file or folder. */
    public static boolean isLive(String spec) {
        String lower = spec.toLowerCase(Locale.ROOT);
        return lower.startsWith(INSTAGRAM) || lower.startsWith(INSTAGRAM_API);
    }

    /** Every account collected so far under {@code home}, as specs for {@link #open(String, Path, CollectOptions)}. */
    public static List<String> collected(Path home) throws IOException {
        List<String> specs = new ArrayList<>();
        for (String kind : List.of("instagram", "instagram-api")) {
            Path dir = home.resolve("collections").resolve(kind);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> accounts = Files.list(dir)) {
                    accounts.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                            .filter(name -> !name.startsWith(".")).sorted()
                            .forEach(name -> specs.add(kind + ":" + name));
                }
            }
        }
        return specs;
    }

    /** Opens a live Instagram spec ({@code instagram:USERNAME} or {@code instagram-api:[NAME]}). */
    public static InstagramCollectionSource openCollection(String spec, Path home, CollectOptions options)
            throws IOException {
        if (!isLive(spec)) {
            throw new SourceException(spec + ": expected instagram:USERNAME or instagram-api:[NAME]");
        }
        Path collections = home.toAbsolutePath().normalize().resolve("collections");
        PoliteHttp http = new PoliteHttp(options.pacing());
        if (spec.toLowerCase(Locale.ROOT).startsWith(INSTAGRAM_API)) {
            String name = spec.substring(INSTAGRAM_API.length()).strip();
            String account = name.isEmpty() ? "me" : name;
            if (!account.matches("[A-Za-z0-9._-]{1,64}")) {
                throw new SourceException(spec + ": the name after instagram-api: may only hold letters, digits,"
                        + " '.', '_' and '-'");
            }
            return new InstagramCollectionSource("instagram-api:" + account,
                    new GraphApiFeed(options.apiUrl(), options.accessToken(), http),
                    new CollectionStore(collections.resolve("instagram-api").resolve(account)), Clock.systemUTC(),
                    true, options.progress());
        }
        InstagramAccount account = InstagramAccount.parse(spec.substring(INSTAGRAM.length()));
        Path dir = collections.resolve("instagram");
        CollectionStore store = new CollectionStore(dir.resolve(account.name()));
        WebAppClient client = new WebAppClient(options.webUrl(), sessionCookie(dir, options), options.userAgent(),
                account.profilePath(), http);
        return new InstagramCollectionSource(account.toString(), new WebProfileFeed(account, client, options.docIds(),
                store), store, Clock.systemUTC(), true, options.progress());
    }

    /** The cookie given this time, kept (0600) for later runs; else the one kept from an earlier run. */
    private static SessionCookie sessionCookie(Path dir, CollectOptions options) throws IOException {
        Path copy = dir.resolve(".session-cookie");
        if (options.cookie() != null) {
            options.cookie().saveCopy(copy);
            return options.cookie();
        }
        return Files.isRegularFile(copy) ? SessionCookie.read(copy) : null;
    }

    /** Opens the source at {@code path}; see {@link #open(String)}. */
    public static PhotoSource open(Path path) throws IOException {
        Path source = path.toAbsolutePath().normalize();
        Path real;
        try {
            real = source.toRealPath();
        } catch (NoSuchFileException e) {
            throw new SourceException("No such file or folder: " + source);
        }
        // Checked before any read: opening a FIFO blocks forever, and a device or socket holds no photos.
        BasicFileAttributes attrs = FileKinds.attributes(real);
        if (!attrs.isDirectory() && !attrs.isRegularFile()) {
            String link = Files.isSymbolicLink(source) ? "a symbolic link to " : "";
            throw new SourceException(source + " is " + link + FileKinds.describe(real)
                    + ", not a file or folder: refused without reading it");
        }
        return attrs.isDirectory() ? openFolder(source) : openFile(source);
    }

    private static PhotoSource openFolder(Path dir) throws IOException {
        if (InstaloaderSource.looksLikeInstaloaderFolder(dir)) {
            return new InstaloaderSource(MetadataRoot.folder(dir));
        }
        if (GalleryDlSource.looksLikeGalleryDlFolder(dir)) {
            return new GalleryDlSource(MetadataRoot.folder(dir));
        }
        if (!ExportFolder.findJsonFiles(dir).isEmpty()) {
            return new InstagramExportSource("instagram-export:" + dir, () -> ExportFolder.ofRoot(dir));
        }
        return new FolderSource(dir);
    }

    private static PhotoSource openFile(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".zip")) {
            ExportZip.open(file).close(); // fail now, not at scan time, when the zip is not an export
            return new InstagramExportSource("instagram-export:" + file, () -> ExportZip.open(file));
        }
        if (name.endsWith(".json") || name.endsWith(".json.xz")) {
            return openJson(file);
        }
        if (name.endsWith(".txt") || name.endsWith(".urls") || name.endsWith(".tsv")
                || UrlListSource.looksLikeUrlList(file)) {
            return new UrlListSource(file);
        }
        throw new SourceException(file + ": unknown format; " + EXPECTED);
    }

    private static PhotoSource openJson(Path file) throws IOException {
        return switch (JsonSniffer.sniff(file)) {
            case EXPORT_POSTS -> exportFile(file, ExportKind.POSTS);
            case EXPORT_STORIES -> exportFile(file, ExportKind.STORIES);
            case EXPORT_PROFILE -> exportFile(file, ExportKind.PROFILE_PICTURES);
            case SCRAPER -> new InstagramScraperSource(file);
            case INSTALOADER -> new InstaloaderSource(MetadataRoot.file(file));
            case GALLERY_DL -> new GalleryDlSource(MetadataRoot.file(file));
            case UNKNOWN -> throw new SourceException(file + " is JSON but not a known format: expected an Instagram"
                    + " export file (a posts_N.json array, {\"ig_stories\": ...}, {\"ig_profile_picture\": ...}),"
                    + " an instagram-scraper file ({\"GraphImages\": ...}), an Instaloader file ({\"node\": ...}) or"
                    + " gallery-dl metadata ({\"post_shortcode\": ...})");
        };
    }

    private static PhotoSource exportFile(Path file, ExportKind kind) {
        return new InstagramExportSource("instagram-export:" + file, () -> ExportFolder.ofFile(file, kind));
    }
}
