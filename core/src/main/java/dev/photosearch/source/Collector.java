package dev.photosearch.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Collects new posts of an account into its store, resumably. Each run walks from the newest post until it meets
 * one stored before the run, then continues the walks an earlier run left unfinished from their saved cursors.
 * Posts are synced to disk before the cursor that follows them is saved, so a crash loses and duplicates nothing.
 */
final class Collector {

    /**
     * What a run did.
     *
     * @param collected new posts stored
     * @param malformed posts skipped because they had no key
     * @param stopped   why the run stopped early; null when every walk reached its end
     */
    record Result(int collected, int malformed, SourceException stopped) {}

    private final PostFeed feed;
    private final CollectionStore store;
    private final Clock clock;
    private final IntConsumer stored;

    /** {@code stored} is told the number of new posts stored so far after each page. */
    Collector(PostFeed feed, CollectionStore store, Clock clock, IntConsumer stored) {
        this.feed = feed;
        this.store = store;
        this.clock = clock;
        this.stored = stored;
    }

    Result collect() throws IOException {
        List<CollectionStore.Entry> stored = store.load().entries();
        Map<String, Integer> ordinals = new HashMap<>();
        for (CollectionStore.Entry entry : stored) {
            ordinals.put(entry.key(), ordinals.size());
        }
        List<CollectionPass> pending = new ArrayList<>(store.readPasses());
        Run run = new Run(ordinals);
        try {
            run.walk(new CollectionPass(null, ordinals.size()), pending);
            while (!pending.isEmpty()) {
                run.walk(pending.remove(0), pending);
            }
        } catch (SourceException e) {
            return new Result(run.collected, run.malformed, e);
        }
        return new Result(run.collected, run.malformed, null);
    }

    /** The state of one run: which keys are stored, and their order. */
    private final class Run {
        private final Map<String, Integer> ordinals;
        private int collected;
        private int malformed;

        Run(Map<String, Integer> ordinals) {
            this.ordinals = ordinals;
        }

        /** Walks one pass to its end, saving {@code later} passes behind it after each page. */
        void walk(CollectionPass pass, List<CollectionPass> later) throws IOException {
            CollectionPass current = pass;
            while (true) {
                PostFeed.Page page = current.cursor() == null ? feed.first() : feed.next(current.cursor());
                boolean more = !store(page.posts(), current.knownBelow()) && page.nextCursor() != null;
                List<CollectionPass> remaining = new ArrayList<>();
                if (more) {
                    current = new CollectionPass(page.nextCursor(), current.knownBelow());
                    remaining.add(current);
                }
                remaining.addAll(later);
                store.writePasses(remaining);
                if (!more) {
                    return;
                }
            }
        }

        /** Stores the page's new posts; true when it met a post stored before the pass began. */
        private boolean store(List<JsonNode> posts, int knownBelow) throws IOException {
            List<CollectionStore.Entry> fresh = new ArrayList<>();
            boolean reachedKnown = false;
            for (JsonNode post : posts) {
                String key;
                try {
                    key = feed.keyOf(post);
                } catch (MalformedEntryException e) {
                    malformed++;
                    continue;
                }
                Integer ordinal = ordinals.get(key);
                if (ordinal == null) {
                    ordinals.put(key, ordinals.size());
                    fresh.add(new CollectionStore.Entry(key, clock.instant(), post));
                } else if (ordinal < knownBelow && !feed.pinned(post)) {
                    reachedKnown = true;
                    break;
                }
            }
            store.append(fresh);
            collected += fresh.size();
            stored.accept(collected);
            return reachedKnown;
        }
    }
}
