package dev.photosearch.index;

import dev.photosearch.embed.TextEncoder;
import dev.photosearch.media.Media;
import dev.photosearch.media.MediaLoader;
import dev.photosearch.source.Photo;
import dev.photosearch.source.PhotoSource;
import dev.photosearch.source.Scan;
import dev.photosearch.vision.Analyser;
import dev.photosearch.vision.Analysis;
import dev.photosearch.vision.BatchAnalyser;
import dev.photosearch.vision.Describer;
import dev.photosearch.vision.Description;
import dev.photosearch.vision.ImageEmbedder;
import dev.photosearch.vision.SceneRules;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the pipeline for one source: read it, skip what is unchanged, load images, analyse, describe, embed, store,
 * and remove what the source no longer has. Commits every few hundred photos, so an interrupted run loses little
 * and the next run picks up where it stopped.
 */
public final class Indexer implements AutoCloseable {

    /** Told after each batch how many of the photos to index are done. */
    @FunctionalInterface
    public interface Progress {
        void advanced(int done, int total);
    }

    /** Runs that may fail on a photo's image for a passing reason (server error, full disk) before it is given up. */
    public static final int MAX_IMAGE_TRIES = 5;

    private static final Logger LOG = LoggerFactory.getLogger(Indexer.class);
    private static final int BATCH = 32;
    // Commit often enough that a crash costs little, rarely enough that commits stay a small share of the work.
    private static final int COMMIT_EVERY = 512;
    private static final long COMMIT_EVERY_NANOS = 15_000_000_000L;

    private final StoreWriter index;
    private final MediaLoader media;
    private final List<Analyser> analysers;
    private final TextEncoder encoder;
    private final ImageEmbedder images;
    private final Describer describer = new Describer();
    private final ExecutorService pool;
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    /** What the analysers' results depend on, beside the photo itself. */
    private final String lookVersion;
    /** What the description and its vector depend on, beside the analysers' results. */
    private final String describeVersion;

    public Indexer(StoreWriter index, MediaLoader media, List<Analyser> analysers, TextEncoder encoder, int threads) {
        this(index, media, analysers, null, encoder, threads);
    }

    /**
     * An indexer that also stores CLIP image vectors made by {@code images} (null: none). {@link BatchAnalyser}s
     * among {@code analysers} see each batch's images at once. The CLIP model is not part of the fingerprint:
     * unchanged photos that lack its vectors only get them computed, without being analysed again.
     */
    public Indexer(StoreWriter index, MediaLoader media, List<Analyser> analysers, ImageEmbedder images,
            TextEncoder encoder, int threads) {
        this.index = index;
        this.media = media;
        this.analysers = List.copyOf(analysers);
        this.encoder = encoder;
        this.images = images;
        this.pool = Executors.newFixedThreadPool(threads);
        this.lookVersion = analysers.stream().map(a -> a.name() + "=" + a.version())
                .collect(Collectors.joining(";"));
        this.describeVersion = "text=" + encoder.model().id() + ";describer=" + Describer.VERSION + ";scenes="
                + SceneRules.VERSION;
    }

    /** Asks a running {@link #index} to stop after its current batch and save what it did. */
    public void requestStop() {
        stopRequested.set(true);
    }

    /** Indexes one source; nothing is changed when the source cannot be read. */
    public IndexReport index(PhotoSource source, Progress progress) throws IOException {
        return index(source, progress, photo -> false);
    }

    /**
     * Indexes one source, loading the photos {@code reload} accepts again even when unchanged
     * (their thumbnails are cached anew, e.g. from a renewed image URL).
     */
    public IndexReport index(PhotoSource source, Progress progress, Predicate<Photo> reload) throws IOException {
        long start = System.nanoTime();
        Scan scan = source.scan();
        Map<String, StoredState> known = index.states(source.key());
        Plan plan = plan(scan, known, reload);
        List<Photo> todo = plan.todo();
        Set<String> lookedAt = plan.lookedAt();

        Map<String, Integer> imageProblems = new LinkedHashMap<>();
        ImageRetries retries = new ImageRetries(known);
        List<Photo> work = new ArrayList<>(todo);
        work.addAll(plan.imageOnly());
        int done = 0;
        int added = 0;
        int vectorsAdded = 0;
        int sinceCommit = 0;
        long lastCommit = System.nanoTime();
        progress.advanced(0, work.size());
        for (int from = 0; from < work.size() && !stopRequested.get(); from += BATCH) {
            int to = Math.min(work.size(), from + BATCH);
            List<Photo> full = work.subList(Math.min(from, todo.size()), Math.min(to, todo.size()));
            List<Photo> vectorsOnly = work.subList(Math.max(from, todo.size()), Math.max(to, todo.size()));
            List<String> reused = new ArrayList<>(full.stream().map(Photo::id)
                    .filter(id -> lookedAt.contains(id) || plan.partlyLookedAt().contains(id)).toList());
            vectorsOnly.forEach(p -> reused.add(p.id()));
            Map<String, StoredPhoto> before = index.stored(reused);
            for (IndexedPhoto entry : store(full, before, lookedAt, retries)) {
                added += known.containsKey(entry.photo().id()) ? 0 : 1;
                if (entry.mediaProblem() != null && entry.photo().media() != null && entry.imageTries() == 0) {
                    imageProblems.merge(IndexReport.reasonOf(entry.mediaProblem()), 1, Integer::sum);
                }
            }
            vectorsAdded += addImageVectors(vectorsOnly, before);
            done = to;
            sinceCommit += to - from;
            if (sinceCommit >= COMMIT_EVERY || System.nanoTime() - lastCommit >= COMMIT_EVERY_NANOS) {
                index.commit(encoder.model());
                sinceCommit = 0;
                lastCommit = System.nanoTime();
            }
            progress.advanced(done, work.size());
        }

        boolean interrupted = done < work.size();
        int removed = 0;
        if (!interrupted && scan.complete()) {
            // Only a complete run of a wholly read source knows what the source no longer has.
            List<String> gone = known.keySet().stream().filter(id -> !plan.seen().contains(id)).toList();
            index.delete(gone);
            media.forget(gone);
            removed = gone.size();
        }
        index.commit(encoder.model());
        if (!interrupted) {
            index.compact(encoder.model());
        }
        int fullDone = Math.min(done, todo.size());
        int imageDone = done - fullDone;
        return new IndexReport(source.key(), added, fullDone - added + vectorsAdded,
                plan.unchanged() + imageDone - vectorsAdded, removed, plan.skipped(), imageProblems, scan.notices(),
                interrupted,
                Duration.ofNanos(System.nanoTime() - start), retries.retrying(), retries.gaveUp(),
                retries.thumbnailsNotWritten());
    }

    /**
     * What a run does with each photo of a scan: everything to load and analyse ({@code todo}, where {@code lookedAt}
     * and {@code partlyLookedAt} can recall what was seen before), images that only lack a CLIP vector, and the rest.
     */
    private record Plan(List<Photo> todo, List<Photo> imageOnly, Set<String> lookedAt, Set<String> partlyLookedAt,
            Set<String> seen, Map<String, Integer> skipped, int unchanged) {}

    private Plan plan(Scan scan, Map<String, StoredState> known, Predicate<Photo> reload) {
        Map<String, Integer> skipped = new LinkedHashMap<>(scan.skipped());
        Set<String> seen = new HashSet<>();
        List<Photo> todo = new ArrayList<>();
        List<Photo> imageOnly = new ArrayList<>();
        // Photos whose image and analysers did not change keep what was seen; only their description is redone.
        Set<String> lookedAt = new HashSet<>();
        // Photos whose image did not change but some analyser did: the analysers that did not change are not run again.
        Set<String> partlyLookedAt = new HashSet<>();
        int unchanged = 0;
        for (Photo photo : scan.photos()) {
            StoredState state = known.get(photo.id());
            String stored = state == null ? null : state.fingerprint();
            if (!seen.add(photo.id())) {
                skipped.merge("listed twice", 1, Integer::sum);
            } else if (reload.test(photo)) {
                todo.add(photo);
            } else if (!fingerprint(photo).equals(stored)) {
                todo.add(photo);
                // An image to retry is loaded again, not recalled from what its last try saw.
                boolean retry = state != null && state.imageToRetry();
                if (!retry && stored != null && stored.startsWith(photo.fingerprint() + "|" + lookVersion + "|")) {
                    lookedAt.add(photo.id());
                } else if (!retry && stored != null && stored.startsWith(photo.fingerprint() + "|")) {
                    partlyLookedAt.add(photo.id());
                }
            } else if (state.imageToRetry() || state.imageUnusable() && Media.mayWorkLater(state.imageProblem())) {
                todo.add(photo);
            } else if (!state.imageUnusable() && lacksImageVector(photo, state.imageModel())) {
                imageOnly.add(photo);
            } else {
                unchanged++;
            }
        }
        return new Plan(todo, imageOnly, lookedAt, partlyLookedAt, seen, skipped, unchanged);
    }

    /** Whether the CLIP vector of a photo's image is missing or was made by another model than the current one. */
    private boolean lacksImageVector(Photo photo, String storedModel) {
        return images != null && photo.media() != null && !images.modelId().equals(storedModel);
    }

    /**
     * Gives unchanged photos the CLIP vectors they lack, keeping everything else they have stored; photos whose
     * image could not be used are stored again as they are, marked so that later runs pass them by. Returns how
     * many got a vector.
     */
    private int addImageVectors(List<Photo> batch, Map<String, StoredPhoto> stored) throws IOException {
        if (batch.isEmpty()) {
            return 0;
        }
        List<Photo> usable = new ArrayList<>();
        for (Photo p : batch) {
            StoredPhoto photo = stored.get(p.id());
            if (photo != null && photo.entry().mediaProblem() != null) {
                index.upsert(photo.entry(), photo.vector(), encoder.model(), photo.image());
            } else if (photo != null) {
                usable.add(p);
            }
        }
        List<Future<Media>> loads = usable.stream().map(p -> pool.submit(() -> media.load(p))).toList();
        List<Photo> loaded = new ArrayList<>();
        List<BufferedImage> previews = new ArrayList<>();
        for (int i = 0; i < usable.size(); i++) {
            Media m = join(loads.get(i));
            if (m.preview() != null) {
                loaded.add(usable.get(i));
                previews.add(m.preview());
            }
        }
        List<float[]> vectors = previews.isEmpty() ? List.of() : embedImages(previews);
        for (int i = 0; i < vectors.size(); i++) {
            StoredPhoto photo = stored.get(loaded.get(i).id());
            index.upsert(photo.entry(), photo.vector(), encoder.model(),
                    new ImageVector(images.modelId(), vectors.get(i)));
        }
        return vectors.size();
    }

    /**
     * Indexes photos that changed. Those in {@code lookedAt} are described again from what was seen of them. The
     * others are loaded, then looked at only by the analysers that changed since what was seen of the same image:
     * the same photo's in {@code before}, else any photo's with the same image file (another source, a renamed or
     * copied file), else nothing.
     */
    private List<IndexedPhoto> store(List<Photo> batch, Map<String, StoredPhoto> before, Set<String> lookedAt,
            ImageRetries retries) throws IOException {
        if (batch.isEmpty()) {
            return List.of();
        }
        List<Looked> loaded = onPool(batch.stream().map(p -> (Callable<Looked>) () -> lookedAt.contains(p.id())
                ? recall(p, before.get(p.id())) : new Looked(p, null, media.load(p), new ConcurrentHashMap<>(), null))
                .toList());
        Map<String, StoredPhoto> sameImage = index.storedByContent(loaded.stream()
                .filter(l -> l.before() == null && l.media().ok() && !before.containsKey(l.photo().id()))
                .map(l -> l.media().facts().sha256()).distinct().toList());
        List<Looked> looked = onPool(loaded.stream().map(l -> (Callable<Looked>) () -> l.before() != null ? l
                : look(l, seenBefore(l, before, sameImage))).toList());
        List<Looked> fresh = looked.stream().filter(l -> l.before() == null && l.media().preview() != null).toList();
        analyseBatch(fresh);
        Map<Looked, ImageVector> imageOf = new IdentityHashMap<>();
        looked.stream().filter(l -> l.image() != null).forEach(l -> imageOf.put(l, l.image()));
        List<Looked> withImage = images == null ? List.of()
                : looked.stream().filter(l -> l.media().preview() != null && l.image() == null).toList();
        List<float[]> imageVectors = withImage.isEmpty() ? List.of()
                : embedImages(withImage.stream().map(l -> l.media().preview()).toList());
        for (int i = 0; i < imageVectors.size(); i++) {
            imageOf.put(withImage.get(i), new ImageVector(images.modelId(), imageVectors.get(i)));
        }
        List<IndexedPhoto> entries = looked.stream().map(l -> entry(l, retries)).toList();
        List<String> texts = entries.stream().map(e -> e.description().searched()).filter(t -> !t.isBlank())
                .toList();
        List<float[]> vectors = texts.isEmpty() ? List.of() : encoder.encodeDocuments(texts);
        int next = 0;
        for (int i = 0; i < entries.size(); i++) {
            IndexedPhoto entry = entries.get(i);
            float[] vector = entry.description().searched().isBlank() ? null : vectors.get(next++);
            index.upsert(entry, vector, encoder.model(), imageOf.get(looked.get(i)));
        }
        return entries;
    }

    /** Runs the batch analysers (neural networks) at once on the images of the batch that lack their analysis. */
    private void analyseBatch(List<Looked> withImage) {
        for (Analyser analyser : analysers) {
            if (analyser instanceof BatchAnalyser batchAnalyser) {
                analyseBatch(batchAnalyser, withImage.stream()
                        .filter(l -> !l.analyses().containsKey(analyser.name())).toList());
            }
        }
    }

    private void analyseBatch(BatchAnalyser analyser, List<Looked> lacking) {
        if (lacking.isEmpty()) {
            return;
        }
        try {
            List<Analysis> results = analyser.analyseAll(lacking.stream().map(l -> l.media().preview()).toList());
            for (int i = 0; i < results.size(); i++) {
                lacking.get(i).analyses().put(analyser.name(), results.get(i));
            }
        } catch (RuntimeException e) {
            LOG.warn("analyser {} failed on a batch of {} photos: {}", analyser.name(), lacking.size(), e.toString());
        }
    }

    /** CLIP vectors of the batch's images; none when the model fails (logged), so the text is still indexed. */
    private List<float[]> embedImages(List<BufferedImage> previews) {
        try {
            return images.embed(previews);
        } catch (IOException | RuntimeException e) {
            LOG.warn("CLIP image encoding failed on a batch of {} photos: {}", previews.size(), e.toString());
            return List.of();
        }
    }

    /**
     * Runs the per-photo analysers on a loaded photo, except those whose analysis of the same image is in
     * {@code seen} (null: none) by the same version; a CLIP vector of it still current is kept. Runs on the pool.
     */
    private Looked look(Looked loaded, StoredPhoto seen) {
        Photo photo = loaded.photo();
        if (!loaded.media().ok()) {
            return loaded;
        }
        Map<String, Analysis> analyses = loaded.analyses();
        if (seen != null) {
            seen.entry().analyses().stream().filter(this::isCurrent).forEach(a -> analyses.put(a.analyser(), a));
        }
        for (Analyser analyser : analysers) {
            if (analyser instanceof BatchAnalyser || analyses.containsKey(analyser.name())) {
                continue;
            }
            try {
                analyses.put(analyser.name(), analyser.analyse(loaded.media().preview()));
            } catch (RuntimeException e) {
                LOG.warn("analyser {} failed on {}: {}", analyser.name(), photo.path(), e.toString());
            }
        }
        ImageVector image = seen == null ? null : seen.image();
        boolean keepImage = image != null && !lacksImageVector(photo, image.model());
        return new Looked(photo, null, loaded.media(), analyses, keepImage ? image : null);
    }

    /**
     * What was seen before of a loaded photo's image: its own entry when only an analyser changed since, else that of
     * a photo with the very same file; null when neither.
     */
    private static StoredPhoto seenBefore(Looked loaded, Map<String, StoredPhoto> before,
            Map<String, StoredPhoto> sameImage) {
        StoredPhoto own = before.get(loaded.photo().id());
        return own != null || !loaded.media().ok() ? own : sameImage.get(loaded.media().facts().sha256());
    }

    /** Runs the tasks on the pool and waits for all of them. */
    private List<Looked> onPool(List<Callable<Looked>> tasks) throws IOException {
        List<Looked> done = new ArrayList<>(tasks.size());
        for (Future<Looked> future : tasks.stream().map(pool::submit).toList()) {
            done.add(join(future));
        }
        return done;
    }

    /** Whether an analyser of this run would make the same analysis: same name, same version. */
    private boolean isCurrent(Analysis analysis) {
        return analysers.stream()
                .anyMatch(a -> a.name().equals(analysis.analyser()) && a.version() == analysis.version());
    }

    /**
     * Takes back what was seen of a photo before, without analysing it again; its image is loaded only when its
     * CLIP vector is missing or outdated, and a vector it keeps is carried over. Runs on the pool.
     */
    private Looked recall(Photo photo, StoredPhoto stored) {
        IndexedPhoto before = stored.entry();
        String model = stored.image() == null ? null : stored.image().model();
        if (before.mediaProblem() == null && lacksImageVector(photo, model)) {
            return new Looked(photo, before, media.load(photo), Map.of(), null);
        }
        return new Looked(photo, before, seen(before), Map.of(), stored.image());
    }

    /** Describes a photo, its fresh analyses in the analysers' order or, when recalled, those stored before. */
    private IndexedPhoto entry(Looked looked, ImageRetries retries) {
        IndexedPhoto before = looked.before();
        if (before != null) {
            return new IndexedPhoto(looked.photo(), before.facts(), before.thumbnail(), before.mediaProblem(),
                    before.analyses(), describer.describe(looked.photo(), seen(before), before.analyses()),
                    fingerprint(looked.photo()), before.imageTries());
        }
        List<Analysis> analyses = analysers.stream().map(a -> looked.analyses().get(a.name()))
                .filter(Objects::nonNull).toList();
        Media loaded = looked.media();
        Description description = describer.describe(looked.photo(), loaded, analyses);
        String thumbnail = loaded.thumbnail() == null ? null : loaded.thumbnail().toString();
        return new IndexedPhoto(looked.photo(), loaded.facts(), thumbnail, loaded.problem(), analyses, description,
                fingerprint(looked.photo()), retries.triesAfter(looked.photo(), loaded));
    }

    /** What was seen of a photo before, without its pixels. */
    private static Media seen(IndexedPhoto before) {
        return new Media(before.facts(), before.thumbnail() == null ? null : Path.of(before.thumbnail()), null,
                before.mediaProblem());
    }

    /**
     * A photo while its batch is worked on.
     *
     * @param before   what was stored of it when it is only described again, else null
     * @param media    its loaded image, or what was stored of it (no preview) when recalled
     * @param analyses what the analysers see in this run, or saw of the same image before; empty when recalled
     * @param image    the CLIP vector it keeps from before, or null
     */
    private record Looked(Photo photo, IndexedPhoto before, Media media, Map<String, Analysis> analyses,
            ImageVector image) {}

    private String fingerprint(Photo photo) {
        return photo.fingerprint() + "|" + lookVersion + "|" + describeVersion;
    }

    private static <T> T join(Future<T> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while analysing photos", e);
        } catch (ExecutionException e) {
            throw new IOException("analysing a photo failed: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
