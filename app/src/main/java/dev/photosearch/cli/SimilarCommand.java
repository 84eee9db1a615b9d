package dev.photosearch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.photosearch.index.ImageVector;
import dev.photosearch.index.PhotoStore;
import dev.photosearch.media.Media;
import dev.photosearch.media.MediaLimits;
import dev.photosearch.media.MediaLoader;
import dev.photosearch.models.InstalledModel;
import dev.photosearch.search.SimilarPhotos;
import dev.photosearch.search.SimilarPhotos.Similar;
import dev.photosearch.source.MediaLocation;
import dev.photosearch.source.Photo;
import dev.photosearch.vision.ClipImageEncoder;
import dev.photosearch.vision.ImageSignature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code photosearch similar ID-OR-PATH | --image FILE}: photos that look like a photo. */
@Command(name = "similar", mixinStandardHelpOptions = true,
        description = {"Find photos that look like an indexed photo or an image file.",
            "Uses CLIP image vectors when a CLIP model is installed and the photos were indexed with it, else the "
                + "perceptual hash and colour histogram stored at indexing time."})
final class SimilarCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    static final class Target {
        @Parameters(paramLabel = "ID-OR-PATH", description = "An indexed photo: its id or its path in its source.")
        String photo;

        @Option(names = "--image", paramLabel = "FILE", description = "An image file, indexed or not.")
        Path image;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "How many results (default 10).")
    int limit;

    @Option(names = "--json", description = "Print results as JSON for programs.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (limit < 1) {
            throw new IllegalArgumentException("--limit must be at least 1");
        }
        List<Similar> found;
        try (PhotoStore store = main.store(); SimilarPhotos similar = SimilarPhotos.open(store.reader())) {
            found = target.image != null ? likeFile(similar, target.image) : similar.like(target.photo, limit);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ArrayNode list = new ObjectMapper().createArrayNode();
            for (Similar s : found) {
                ObjectNode node = list.addObject();
                node.put("id", s.photo().photo().id());
                node.put("path", s.photo().photo().path());
                node.put("score", Math.round(s.score() * 10000) / 10000.0);
                node.put("method", s.method());
                if (s.photo().thumbnail() != null) {
                    node.put("thumbnail", s.photo().thumbnail());
                }
            }
            out.println(list);
        } else if (found.isEmpty()) {
            out.println("No similar photo found (photos indexed before this version have no image signature: "
                    + "index them again).");
        } else {
            int rank = 1;
            for (Similar s : found) {
                out.printf("%2d. %.3f  %s  (%s)%n", rank++, s.score(), s.photo().photo().path(), s.method());
            }
        }
        out.flush();
        return 0;
    }

    private List<Similar> likeFile(SimilarPhotos similar, Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + " is not a file");
        }
        Path scratch = Files.createTempDirectory("photosearch-similar");
        try {
            Photo photo = new Photo("query", "query", file.getFileName().toString(),
                    new MediaLocation.LocalFile(file.toAbsolutePath()), null, null, null, null, null, null, null,
                    false, null, null);
            Media media = new MediaLoader(scratch, MediaLimits.DEFAULTS).load(photo);
            if (!media.ok()) {
                throw new IllegalArgumentException(file + ": " + media.problem());
            }
            Optional<ImageVector> vector = Optional.empty();
            Optional<InstalledModel> clip = main.models().find("clip");
            if (clip.isPresent()) {
                try (ClipImageEncoder encoder = ClipImageEncoder.load(clip.get(), 0)) {
                    vector = Optional.of(new ImageVector(encoder.modelId(),
                            encoder.embed(List.of(media.preview())).get(0)));
                }
            }
            return similar.likeImage(vector, ImageSignature.of(media.preview()), limit);
        } finally {
            try (Stream<Path> paths = Files.walk(scratch)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
