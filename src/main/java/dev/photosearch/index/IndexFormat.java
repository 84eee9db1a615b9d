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
    /** The layout this code writes; an index committed before versions were recorded has it too. */
    static final int CURRENT = 1;

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

    /** Fails with one line saying what to do when the index in {@code dir} is of another layout. */
    static void check(Map<String, String> commitData, Path dir) throws IOException {
        int format = format(commitData, dir);
        if (format > CURRENT) {
            throw new IOException("the index in " + dir + " has format " + format + ", newer than this PhotoSearch's ("
                    + CURRENT + "): run a newer photosearch, or move the folder away and index again");
        }
        if (format < CURRENT) {
            throw new IOException("the index in " + dir + " has the old format " + format + " (this PhotoSearch needs "
                    + CURRENT + "): move the folder away and run 'photosearch index SOURCE...' again");
        }
    }

    private static int format(Map<String, String> commitData, Path dir) throws IOException {
        String value = commitData.getOrDefault(FORMAT_KEY, Integer.toString(CURRENT));
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IOException("the index in " + dir + " records an unreadable format '" + value + "'", e);
        }
    }
}
