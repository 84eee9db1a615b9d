package dev.photosearch.index.solr;

import dev.photosearch.index.IndexedPhoto;
import dev.photosearch.media.Exif;
import dev.photosearch.media.ImageFacts;
import dev.photosearch.source.Photo;
import dev.photosearch.vision.Analysis;
import dev.photosearch.vision.Description;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Photos and vectors made up for the tests. */
final class Fixtures {

    private Fixtures() {}

    /** A photo of {@code source} at {@code path} with this caption, date (may be null) and image digest (may be null). */
    static IndexedPhoto photo(String source, String path, String caption, Instant taken, String sha256) {
        return photo(source, path, caption, taken, sha256, List.of());
    }

    /** The same with what the image analysers saw. */
    static IndexedPhoto photo(String source, String path, String caption, Instant taken, String sha256,
            List<Analysis> analyses) {
        Photo photo = new Photo(Photo.idFor(source, path), source, path, null, null, taken, caption, List.of("tag"),
                List.of(), "", "", false, Map.of(), "fp-" + path);
        ImageFacts facts = sha256 == null ? null : new ImageFacts(640, 480, "jpeg", 1000, Exif.NONE, sha256);
        return new IndexedPhoto(photo, facts, null, null, analyses, new Description("", "taken in summer"),
                "fp-" + path + "-" + caption.hashCode());
    }

    /** What an object detector would say it saw. */
    static Analysis seen(String phrase, String... terms) {
        return new Analysis("objects", 1, phrase, List.of(terms), Map.of());
    }

    /** A random unit vector of {@code dimension}, the same for the same seed. */
    static float[] vector(long seed, int dimension) {
        Random random = new Random(seed);
        float[] v = new float[dimension];
        double norm = 0;
        for (int i = 0; i < dimension; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        for (int i = 0; i < dimension; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }
}
