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

    InstagramCollectionSource(String key, PostFeed feed, CollectionStore store, Clock clock, boolean collect,
            CollectionProgress progress) {
        this.key = key;
        this.feed = feed;
        this.store = store;
        this.clock = clock;
        this.collect = collect;
        this.progress = progress;
    }

    @Override
    public String key() {
        return key;
    }

    /** The same account, listing what is stored without asking Instagram for anything. */
    public InstagramCollectionSource storedOnly() {
        return new InstagramCollectionSource(key, feed, store, clock, false, progress);
    }

    @Override
    public Scan scan() throws IOException {
        ScanCollector scan = new ScanCollector();
        Collector.Result result = collect
                ? new Collector(feed, store, clock, posts -> progress.stored(key, posts, feed.requests())).collect()
                : null;
        CollectionStore.Contents contents = store.load();
        if (result != null) {
            if (result.stopped() != null && contents.isEmpty()) {
                throw result.stopped();
            }
            scan.notice(key + ": " + result.collected() + " new posts collected (" + feed.requests()
                    + " requests); stored in " + store.dir());
            if (result.malformed() > 0) {
                scan.notice(result.malformed() + " posts from Instagram had no id and were skipped");
            }
            if (result.stopped() != null) {
                scan.notice("collection stopped: " + result.stopped().getMessage()
                        + " Everything collected so far is kept and indexed.");
            }
        }
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
     * Fetches the stored posts again, least recently fetched first, so that their expiring image URLs are fresh;
     * stops cleanly like a collection. Deleted posts are kept as they were.
     */
    public Refresh refresh() throws IOException {
        List<CollectionStore.Entry> entries = new ArrayList<>(store.load().entries());
        entries.sort(Comparator.comparing(CollectionStore.Entry::collected));
        int refreshed = 0;
        int deleted = 0;
        Set<String> photoIds = new LinkedHashSet<>();
        for (CollectionStore.Entry entry : entries) {
            JsonNode fresh;
            try {
                fresh = feed.fetch(entry.key(), entry.post());
            } catch (SourceException e) {
                return new Refresh(refreshed, deleted, photoIds, e.getMessage());
            }
            if (fresh == null) {
                deleted++;
                // stored again unchanged, so the next refresh turns to posts not checked for longer
                store.append(List.of(new CollectionStore.Entry(entry.key(), clock.instant(), entry.post())));
                continue;
            }
            store.append(List.of(new CollectionStore.Entry(entry.key(), clock.instant(), fresh)));
            refreshed++;
            progress.stored(key, refreshed, feed.requests());
            try {
                photosOf(fresh).forEach(photo -> photoIds.add(photo.id()));
            } catch (MalformedEntryException e) {
                // the scan skips and counts it
            }
        }
        return new Refresh(refreshed, deleted, photoIds, null);
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
