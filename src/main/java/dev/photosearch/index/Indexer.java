package dev.photosearch.index;

import dev.photosearch.embed.TextEncoder;
import dev.photosearch.media.Media;
import dev.photosearch.media.MediaLoader;
import dev.photosearch.source.Photo;
import dev.photosearch.source.PhotoSource;
import dev.photosearch.source.Scan;
import dev.photosearch.vision.Analyser;
import dev.photosearch.vision.Analysis;
import dev.photosearch.vision.Describer;
import dev.photosearch.vision.SceneRules;
import dev.photosearch.vision.Description;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    private static final Logger LOG = LoggerFactory.getLogger(Indexer.class);
    private static final int BATCH = 32;
    // Commit often enough that a crash costs little, rarely enough that commits stay a small share of the work.
    private static final int COMMIT_EVERY = 512;
    private static final long COMMIT_EVERY_NANOS = 15_000_000_000L;

    private final PhotoIndex index;
    private final MediaLoader media;
    private final List<Analyser> analysers;
    private final TextEncoder encoder;
    private final Describer describer = new Describer();
    private final ExecutorService pool;
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    /** What the analysers' results depend on, beside the photo itself. */
    private final String lookVersion;
    /** What the description and its vector depend on, beside the analysers' results. */
    private final String describeVersion;

    public Indexer(PhotoIndex index, MediaLoader media, List<Analyser> analysers, TextEncoder encoder, int threads) {
        this.index = index;
        this.media = media;
        this.analysers = List.copyOf(analysers);
        this.encoder = encoder;
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
        Map<String, String> known = index.fingerprints(source.key());
        Map<String, Integer> skipped = new LinkedHashMap<>(scan.skipped());
        Set<String> seen = new HashSet<>();
        List<Photo> todo = new ArrayList<>();
        List<String> lookedAt = new ArrayList<>();
        int unchanged = 0;
        for (Photo photo : scan.photos()) {
            String stored = known.get(photo.id());
            if (!seen.add(photo.id())) {
                skipped.merge("listed twice", 1, Integer::sum);
            } else if (reload.test(photo)) {
                todo.add(photo);
            } else if (fingerprint(photo).equals(stored)) {
                unchanged++;
            } else {
                todo.add(photo);
                if (stored != null && stored.startsWith(photo.fingerprint() + "|" + lookVersion + "|")) {
                    lookedAt.add(photo.id());
                }
            }
        }
        // Photos whose image and analysers did not change keep what was seen; only their description is redone.
        Map<String, IndexedPhoto> describeAgain = index.stored(lookedAt);

        Map<String, Integer> imageProblems = new LinkedHashMap<>();
        int done = 0;
        int added = 0;
        int sinceCommit = 0;
        long lastCommit = System.nanoTime();
        progress.advanced(0, todo.size());
        for (int from = 0; from < todo.size() && !stopRequested.get(); from += BATCH) {
            List<Photo> batch = todo.subList(from, Math.min(todo.size(), from + BATCH));
            for (IndexedPhoto entry : store(batch, describeAgain)) {
                added += known.containsKey(entry.photo().id()) ? 0 : 1;
                if (entry.mediaProblem() != null && entry.photo().media() != null) {
                    imageProblems.merge(problemKind(entry.mediaProblem()), 1, Integer::sum);
                }
            }
            done += batch.size();
            sinceCommit += batch.size();
            if (sinceCommit >= COMMIT_EVERY || System.nanoTime() - lastCommit >= COMMIT_EVERY_NANOS) {
                index.commit(encoder.model());
                sinceCommit = 0;
                lastCommit = System.nanoTime();
            }
            progress.advanced(done, todo.size());
        }

        boolean interrupted = done < todo.size();
        int removed = 0;
        if (!interrupted) {
            // Only a complete run knows what the source no longer has.
            List<String> gone = known.keySet().stream().filter(id -> !seen.contains(id)).toList();
            index.delete(gone);
            removed = gone.size();
        }
        index.commit(encoder.model());
        return new IndexReport(source.key(), added, done - added, unchanged, removed, skipped,
                imageProblems, scan.notices(), interrupted, Duration.ofNanos(System.nanoTime() - start));
    }

    private List<IndexedPhoto> store(List<Photo> batch, Map<String, IndexedPhoto> describeAgain) throws IOException {
        List<Future<IndexedPhoto>> futures = batch.stream().map(p -> pool.submit(() -> describeAgain.containsKey(p.id())
                ? describe(p, describeAgain.get(p.id())) : look(p))).toList();
        List<IndexedPhoto> entries = new ArrayList<>(batch.size());
        for (Future<IndexedPhoto> future : futures) {
            entries.add(join(future));
        }
        List<String> texts = entries.stream().map(e -> e.description().shows()).filter(t -> !t.isBlank()).toList();
        List<float[]> vectors = texts.isEmpty() ? List.of() : encoder.encodeDocuments(texts);
        int next = 0;
        for (IndexedPhoto entry : entries) {
            float[] vector = entry.description().shows().isBlank() ? null : vectors.get(next++);
            index.upsert(entry, vector, encoder.model());
        }
        return entries;
    }

    /** Loads, analyses and describes one photo; runs on the pool. */
    private IndexedPhoto look(Photo photo) {
        Media loaded = media.load(photo);
        List<Analysis> analyses = new ArrayList<>();
        if (loaded.ok()) {
            for (Analyser analyser : analysers) {
                try {
                    analyses.add(analyser.analyse(loaded.preview()));
                } catch (RuntimeException e) {
                    LOG.warn("analyser {} failed on {}: {}", analyser.name(), photo.path(), e.toString());
                }
            }
        }
        Description description = describer.describe(photo, loaded, analyses);
        String thumbnail = loaded.thumbnail() == null ? null : loaded.thumbnail().toString();
        return new IndexedPhoto(photo, loaded.facts(), thumbnail, loaded.problem(), analyses, description,
                fingerprint(photo));
    }

    /** Describes a photo again from what was seen of it before. */
    private IndexedPhoto describe(Photo photo, IndexedPhoto before) {
        Media media = new Media(before.facts(), before.thumbnail() == null ? null : Path.of(before.thumbnail()), null,
                before.mediaProblem());
        return new IndexedPhoto(photo, before.facts(), before.thumbnail(), before.mediaProblem(), before.analyses(),
                describer.describe(photo, media, before.analyses()), fingerprint(photo));
    }

    private String fingerprint(Photo photo) {
        return photo.fingerprint() + "|" + lookVersion + "|" + describeVersion;
    }

    private static IndexedPhoto join(Future<IndexedPhoto> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while analysing photos", e);
        } catch (ExecutionException e) {
            throw new IOException("analysing a photo failed: " + e.getCause(), e.getCause());
        }
    }

    /** "corrupt JPEG: bad Huffman table" → "corrupt JPEG". */
    private static String problemKind(String problem) {
        int colon = problem.indexOf(':');
        return colon < 0 ? problem : problem.substring(0, colon);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
