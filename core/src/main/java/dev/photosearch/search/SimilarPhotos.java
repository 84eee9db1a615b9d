package dev.photosearch.search;

import dev.photosearch.index.ImageVector;
import dev.photosearch.index.IndexedPhoto;
import dev.photosearch.index.PhotoFilter;
import dev.photosearch.index.Ranked;
import dev.photosearch.index.StoreReader;
import dev.photosearch.index.StoreView;
import dev.photosearch.index.VectorKind;
import dev.photosearch.vision.Analysis;
import dev.photosearch.vision.ImageSignature;
import dev.photosearch.vision.SignatureAnalyser;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Photos that look like a given one: by CLIP image vectors when the photos have them, else by the perceptual hash
 * and colour histogram stored at indexing time; and groups of near-duplicates by hash distance.
 */
public final class SimilarPhotos implements Closeable {

    /** One similar photo; {@code method} is "clip" or "signature", {@code score} in [0, 1]. */
    public record Similar(IndexedPhoto photo, double score, String method) {}

    private final StoreReader reader;
    private final StoreView view;

    private SimilarPhotos(StoreReader reader, StoreView view) {
        this.reader = reader;
        this.view = view;
    }

    /** Compares photos of what {@code reader} reads, and closes it when closed. */
    public static SimilarPhotos open(StoreReader reader) throws IOException {
        try {
            return new SimilarPhotos(reader, reader.view());
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /** Photos like the indexed photo with this id or path; fails when there is none. */
    public List<Similar> like(String idOrPath, int limit) throws IOException {
        String id = view.idOf(idOrPath).orElseThrow(() -> new IllegalArgumentException(
                "no indexed photo has the id or path '" + idOrPath + "'"));
        IndexedPhoto photo = view.photos(List.of(id)).get(id);
        Optional<ImageVector> vector = view.imageVector(id);
        ImageSignature signature = signature(photo);
        if (vector.isEmpty() && signature == null) {
            throw new IllegalArgumentException(photo.photo().path() + " has no image to compare: "
                    + (photo.mediaProblem() == null ? "indexed before image signatures" : photo.mediaProblem()));
        }
        return similar(vector, signature, limit, photo.photo().id());
    }

    /** Photos like an image that need not be indexed: its CLIP vector when given, else its signature. */
    public List<Similar> likeImage(Optional<ImageVector> vector, ImageSignature signature, int limit)
            throws IOException {
        return similar(vector, signature, limit, null);
    }

    private List<Similar> similar(Optional<ImageVector> vector, ImageSignature signature, int limit, String exclude)
            throws IOException {
        if (vector.isPresent()) {
            List<Similar> byClip = byClip(vector.get(), limit, exclude);
            if (!byClip.isEmpty()) {
                return byClip;
            }
        }
        return signature == null ? List.of() : bySignature(signature, limit, exclude);
    }

    private List<Similar> byClip(ImageVector vector, int limit, String exclude) throws IOException {
        List<Ranked> near = view.nearest(VectorKind.CLIP, vector.model(), vector.vector(), PhotoFilter.NONE,
                limit + 1).stream().filter(r -> !r.id().equals(exclude)).limit(limit).toList();
        Map<String, IndexedPhoto> photos = view.photos(near.stream().map(Ranked::id).toList());
        return near.stream().map(r -> new Similar(photos.get(r.id()), r.score(), "clip")).toList();
    }

    private List<Similar> bySignature(ImageSignature signature, int limit, String exclude) throws IOException {
        List<Similar> all = new ArrayList<>();
        for (Signed s : signed()) {
            if (!s.photo().photo().id().equals(exclude)) {
                all.add(new Similar(s.photo(), signature.similarity(s.signature()), "signature"));
            }
        }
        all.sort(Comparator.comparingDouble(s -> -s.score()));
        return all.subList(0, Math.min(limit, all.size()));
    }

    /**
     * Groups of photos whose hashes differ in at most {@code maxBits} bits (linked transitively), largest first.
     * Candidates come from exact matches on one of {@code maxBits + 1} bands of the hash: two hashes that close
     * must agree on at least one band, so no pair is missed and most pairs are never compared.
     */
    public List<List<IndexedPhoto>> nearDuplicates(int maxBits) throws IOException {
        if (maxBits < 0 || maxBits > 16) {
            throw new IllegalArgumentException("the distance must be between 0 and 16 bits");
        }
        List<Signed> photos = signed();
        int[] parent = new int[photos.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        int bands = maxBits + 1;
        for (int band = 0; band < bands; band++) {
            int from = band * 64 / bands;
            int to = (band + 1) * 64 / bands;
            long mask = (to - from == 64 ? -1L : ((1L << (to - from)) - 1)) << from;
            Map<Long, List<Integer>> buckets = new HashMap<>();
            for (int i = 0; i < photos.size(); i++) {
                buckets.computeIfAbsent(photos.get(i).signature().dhash() & mask, k -> new ArrayList<>()).add(i);
            }
            for (List<Integer> bucket : buckets.values()) {
                for (int a = 0; a < bucket.size(); a++) {
                    for (int b = a + 1; b < bucket.size(); b++) {
                        int i = bucket.get(a);
                        int j = bucket.get(b);
                        if (photos.get(i).signature().distance(photos.get(j).signature()) <= maxBits) {
                            parent[root(parent, i)] = root(parent, j);
                        }
                    }
                }
            }
        }
        Map<Integer, List<IndexedPhoto>> groups = new HashMap<>();
        for (int i = 0; i < photos.size(); i++) {
            groups.computeIfAbsent(root(parent, i), k -> new ArrayList<>()).add(photos.get(i).photo());
        }
        return groups.values().stream().filter(g -> g.size() > 1)
                .peek(g -> g.sort(Comparator.comparing(p -> p.photo().path())))
                .sorted(Comparator.comparingInt((List<IndexedPhoto> g) -> -g.size())
                        .thenComparing(g -> g.get(0).photo().path()))
                .toList();
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private record Signed(IndexedPhoto photo, ImageSignature signature) {}

    /** Every stored photo that has a signature. */
    private List<Signed> signed() throws IOException {
        List<Signed> out = new ArrayList<>();
        view.forEach(photo -> {
            ImageSignature signature = signature(photo);
            if (signature != null) {
                out.add(new Signed(photo, signature));
            }
        });
        return out;
    }

    private static ImageSignature signature(IndexedPhoto photo) {
        return photo.analyses().stream().filter(a -> a.analyser().equals(SignatureAnalyser.NAME))
                .map(Analysis::facts).map(ImageSignature::fromFacts).filter(Objects::nonNull)
                .findFirst().orElse(null);
    }

    @Override
    public void close() throws IOException {
        try (reader) {
            view.close();
        }
    }
}
