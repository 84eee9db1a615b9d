package dev.photosearch.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A live Instagram account ({@code instagram:USERNAME} or {@code instagram-api:}): each scan first collects the
 * posts published since the last run into the account's local store, then lists every stored post, old and new,
 * so posts collected once are never dropped from the index. Carousel items become photos {@code shortcode},
 * {@code shortcode/2}...
 */
public final class InstagramCollectionSource implements PhotoSource {

    /**
     * What a refresh did.
     *
     * @param refreshed posts fetched again and stored
     * @param deleted   stored posts Instagram no longer has; they are kept
     * @param photoIds  the photos of the refreshed posts, whose thumbnails need caching again
     * @param stopped   why the refresh stopped early; null when it went through every post
     */
    public record Refresh(int refreshed, int deleted, Set<String> photoIds, String stopped) {}

    private final String key;
    private final PostFeed feed;
    private final CollectionStore store;
    private final Clock clock;
    private final boolean collect;
    private final CollectionProgress progress;
    /** What a collection already made said, for the scan to pass on. */
    private final List<String> collected;

    InstagramCollectionSource(String key, PostFeed feed, CollectionStore store, Clock clock, boolean collect,
            CollectionProgress progress) {
        this(key, feed, store, clock, collect, progress, List.of());
    }

    private InstagramCollectionSource(String key, PostFeed feed, CollectionStore store, Clock clock, boolean collect,
            CollectionProgress progress, List<String> collected) {
        this.key = key;
        this.feed = feed;
        this.store = store;
        this.clock = clock;
        this.collect = collect;
        this.progress = progress;
        this.collected = List.copyOf(collected);
    }

    @Override
    public String key() {
        return key;
    }

    /** The same account, listing what is stored without asking Instagram for anything. */
    public InstagramCollectionSource storedOnly() {
        return new InstagramCollectionSource(key, feed, store, clock, false, progress);
    }

    /**
     * Collects now, before anything else is loaded, so that a dead network or a login wall shows at once; returns
     * the same account, listing what is stored with what the collection said.
     */
    public InstagramCollectionSource collectNow() throws IOException {
        return new InstagramCollectionSource(key, feed, store, clock, false, progress,
                collect ? collectNew() : collected);
    }

    @Override
    public Scan scan() throws IOException {
        ScanCollector scan = new ScanCollector();
        (collect ? collectNew() : collected).forEach(scan::notice);
        CollectionStore.Contents contents = store.load();
        if (contents.damagedLines() > 0) {
            scan.notice(contents.damagedLines() + " damaged lines in " + store.dir().resolve("posts.jsonl")
                    + " were ignored (a run was cut short); their posts are collected again");
        }
        for (CollectionStore.Entry entry : contents.entries()) {
            try {
                photosOf(entry.post()).forEach(scan::add);
            } catch (MalformedEntryException e) {
                scan.skip("malformed post: " + e.getMessage());
            }
        }
        return scan.build(key);
    }

    /**
     * Collects the posts published since the last run; throws when the run stopped with nothing to index, or
     * before collecting anything because Instagram cannot be reached. Returns what to tell the user.
     */
    private List<String> collectNew() throws IOException {
        Collector.Result result =
                new Collector(feed, store, clock, posts -> progress.stored(key, posts, feed.requests())).collect();
        boolean unreachable = result.stopped() instanceof HostUnreachable && result.collected() == 0;
        if (result.stopped() != null && (unreachable || store.load().isEmpty())) {
            throw result.stopped(); // no network: fail fast, leaving the index as it is
        }
        List<String> notices = new ArrayList<>();
        notices.add(key + ": " + result.collected() + " new posts collected (" + feed.requests()
                + " requests); stored in " + store.dir());
        if (result.malformed() > 0) {
            notices.add(result.malformed() + " posts from Instagram had no id and were skipped");
        }
        if (result.stopped() != null) {
            notices.add("collection stopped: " + result.stopped().getMessage()
                    + " Everything collected so far is kept and indexed.");
        }
        return notices;
    }

    /**
     * Fetches the stored posts again so that their expiring image URLs are fresh: by walking the pages again from
     * the newest (a page renews many posts for one request), then, when the walk reached the end, one by one for the
     * posts it did not meet, least recently fetched first (those deleted are kept as they were). Stops cleanly like
     * a collection.
     */
    public Refresh refresh() throws IOException {
        RefreshRun run = new RefreshRun(store.load().entries());
        String stopped = null;
        try {
            run.walk();
            run.fetchUnseen();
        } catch (HostUnreachable e) {
            throw e;
        } catch (SourceException e) {
            stopped = e.getMessage();
        }
        return new Refresh(run.refreshed, run.deleted, run.photoIds, stopped);
    }

    /** One refresh: what is stored, what was met again. */
    private final class RefreshRun {
        private final List<CollectionStore.Entry> entries;
        private final Set<String> unseen = new LinkedHashSet<>();
        private final Set<String> photoIds = new LinkedHashSet<>();
        private int refreshed;
        private int deleted;

        RefreshRun(List<CollectionStore.Entry> entries) {
            this.entries = new ArrayList<>(entries);
            this.entries.sort(Comparator.comparing(CollectionStore.Entry::collected));
            this.entries.forEach(entry -> unseen.add(entry.key()));
        }

        void walk() throws IOException {
            if (entries.isEmpty()) {
                return;
            }
            PostFeed.Page page = feed.first();
            while (true) {
                for (JsonNode post : page.posts()) {
                    renewIfStored(post);
                }
                if (page.nextCursor() == null || unseen.isEmpty()) {
                    return;
                }
                page = feed.next(page.nextCursor());
            }
        }

        private void renewIfStored(JsonNode post) throws IOException {
            String key;
            try {
                key = feed.keyOf(post);
            } catch (MalformedEntryException e) {
                return;
            }
            if (unseen.remove(key)) {
                renewed(key, post);
            }
        }

        void fetchUnseen() throws IOException {
            for (CollectionStore.Entry entry : entries) {
                if (!unseen.contains(entry.key())) {
                    continue;
                }
                JsonNode fresh = feed.fetch(entry.key(), entry.post());
                if (fresh == null) {
                    deleted++;
                    // stored again unchanged, so the next refresh turns to posts not checked for longer
                    store.append(List.of(new CollectionStore.Entry(entry.key(), clock.instant(), entry.post())));
                } else {
                    renewed(entry.key(), fresh);
                }
            }
        }

        private void renewed(String postKey, JsonNode fresh) throws IOException {
            store.append(List.of(new CollectionStore.Entry(postKey, clock.instant(), fresh)));
            refreshed++;
            progress.stored(key, refreshed, feed.requests());
            try {
                photosOf(fresh).forEach(photo -> photoIds.add(photo.id()));
            } catch (MalformedEntryException e) {
                // the scan skips and counts it
            }
        }
    }

    private List<Photo> photosOf(JsonNode stored) {
        GraphPost post = feed.parse(stored);
        List<GraphMedia> items = post.media();
        List<Photo> photos = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String path = i == 0 ? post.shortcode() : post.shortcode() + "/" + (i + 1);
            GraphMedia item = items.get(i);
            photos.add(post.toPhoto(key, path, item, WebUrls.remote(item.displayUrl())));
        }
        return photos;
    }
}
