package dev.photosearch.index;

import dev.photosearch.embed.TextModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The layout of the embedded index, recorded in every commit beside the text model that made its vectors, so that
 * a PhotoSearch of another layout refuses the index instead of misreading it.
 */
final class IndexFormat {

    /** Commit user-data key naming the text model of the latest vectors. */
    static final String TEXT_MODEL_KEY = "text_model";
    /** Commit user-data key of the layout version. */
    static final String FORMAT_KEY = "format";
    /** The layout this code writes: 2 gave the id doc values. An index that records none is of format 1. */
    static final int CURRENT = 2;

    private IndexFormat() {}

    /** What a commit records. */
    static Map<String, String> commitData(TextModel model) {
        return Map.of(TEXT_MODEL_KEY, model.id(), FORMAT_KEY, Integer.toString(CURRENT));
    }

    /** The text model a commit recorded, if any. */
    static Optional<TextModel> textModel(Map<String, String> commitData) {
        String id = commitData.get(TEXT_MODEL_KEY);
        return id == null ? Optional.empty() : Optional.of(TextModel.byName(id));
    }

    /** Fails with one line saying what to do when a reader cannot read the index in {@code dir}. */
    static void checkReadable(Map<String, String> commitData, Path dir) throws IOException {
        int format = writable(commitData, dir);
        if (format < CURRENT) {
            throw new IOException("the index in " + dir + " has the older format " + format + ": run 'photosearch "
                    + "setup' once to upgrade it (about a minute per 100,000 photos; nothing is analysed again)");
        }
    }

    /**
     * The format of the index in {@code dir}, which a writer upgrades when older; fails with one line saying what to
     * do when it is newer than this code's.
     */
    static int writable(Map<String, String> commitData, Path dir) throws IOException {
        int format = format(commitData, dir);
        if (format > CURRENT) {
            throw new IOException("the index in " + dir + " has format " + format + ", newer than this PhotoSearch's ("
                    + CURRENT + "): run a newer photosearch, or move the folder away and index again");
        }
        return format;
    }

    private static int format(Map<String, String> commitData, Path dir) throws IOException {
        String value = commitData.getOrDefault(FORMAT_KEY, "1");
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IOException("the index in " + dir + " records an unreadable format '" + value + "'", e);
        }
    }
}
