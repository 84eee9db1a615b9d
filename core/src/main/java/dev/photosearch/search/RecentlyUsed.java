package dev.photosearch.search;

import java.util.LinkedHashMap;
import java.util.Map;

/** A map of at most {@code capacity} entries that forgets the least recently used first. Not thread-safe. */
final class RecentlyUsed<K, V> extends LinkedHashMap<K, V> {

    private final int capacity;

    RecentlyUsed(int capacity) {
        super(capacity * 2, 0.75f, true);
        this.capacity = capacity;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
    }
}
