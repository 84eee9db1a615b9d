package dev.photosearch.cli;

import dev.photosearch.source.Photo;
import dev.photosearch.source.PhotoSource;
import dev.photosearch.source.Scan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Text-only photo records and queries made up from a fixed vocabulary, for benchmarks; the same seed gives the same set. */
final class SyntheticPhotos implements PhotoSource {

    private static final String[] ADJECTIVES = {"old", "red", "tiny", "foggy", "sunny", "snowy", "quiet", "busy",
        "golden", "dark", "colourful", "empty", "crowded", "rainy", "wooden", "green"};
    private static final String[] SUBJECTS = {"cat", "dog", "boat", "bicycle", "bridge", "lighthouse", "market",
        "cake", "mountain", "beach", "forest", "church", "train", "garden", "castle", "street", "lake", "horse",
        "coffee", "pizza", "sunset", "waterfall", "skyline", "harbour", "tree", "flower", "kitchen", "concert"};
    private static final String[] SCENES = {"at dawn", "in the rain", "after the storm", "with friends",
        "near the station", "by the river", "under the snow", "on a summer evening", "at night", "from the hill",
        "in the old town", "during the festival", "on holiday", "at the weekend", "before sunrise"};
    private static final String[] PLACES = {"Paris", "Lyon", "Boston", "Lisbon", "Kyoto", "Oslo", "Marseille",
        "Montreal", "Berlin", "Rome", "Seville", "Dublin", "Quebec", "Nice", "Porto", "Vienna"};

    private final int count;
    private final long seed;

    SyntheticPhotos(int count, long seed) {
        this.count = count;
        this.seed = seed;
    }

    @Override
    public String key() {
        return "synthetic:" + count + ":" + seed;
    }

    @Override
    public Scan scan() {
        Random random = new Random(seed);
        List<Photo> photos = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String path = "synthetic/" + i + ".jpg";
            String caption = pick(random, ADJECTIVES) + " " + pick(random, SUBJECTS) + " " + pick(random, SCENES)
                    + " in " + pick(random, PLACES) + " #" + pick(random, SUBJECTS);
            photos.add(new Photo(Photo.idFor(key(), path), key(), path, null, null,
                    Instant.ofEpochSecond(1_400_000_000L + random.nextInt(300_000_000)), caption, List.of(),
                    List.of(), "", "", false, Map.of(), Photo.sha256(caption)));
        }
        return new Scan(photos, Map.of(), List.of());
    }

    /** Queries in the same vocabulary, worded as a person would type them. */
    static List<String> queries(int count, long seed) {
        Random random = new Random(seed ^ 0x5DEECE66DL);
        List<String> queries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            queries.add(switch (i % 3) {
                case 0 -> "a " + pick(random, SUBJECTS) + " " + pick(random, SCENES);
                case 1 -> pick(random, ADJECTIVES) + " " + pick(random, SUBJECTS) + " in " + pick(random, PLACES);
                default -> pick(random, SUBJECTS) + " and " + pick(random, SUBJECTS);
            });
        }
        return queries;
    }

    private static String pick(Random random, String[] words) {
        return words[random.nextInt(words.length)];
    }
}
