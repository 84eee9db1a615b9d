package dev.photosearch.vision;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A kind of object the detector knows, with the words for it in a phrase.
 *
 * @param label   the dataset's label ("dining table"), stored in facts and regions
 * @param one     one of them in a phrase, without article ("table")
 * @param several several of them in a phrase ("tables")
 */
public record ObjectClass(String label, String one, String several) {

    private static final String COCO = "coco-labels.tsv";

    /** The class of {@code label} among {@code classes}, else one whose words are the label itself. */
    static ObjectClass of(String label, Map<String, ObjectClass> classes) {
        ObjectClass kind = classes.get(label);
        return kind == null ? new ObjectClass(label, label, label) : kind;
    }

    /** The 80 COCO classes in the detector's class-index order. */
    public static List<ObjectClass> coco() {
        try (InputStream in = ObjectClass.class.getResourceAsStream(COCO)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + COCO);
            }
            List<ObjectClass> classes = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                if (columns.length != 3) {
                    throw new IllegalStateException(COCO + ": expected 3 columns in: " + line);
                }
                classes.add(new ObjectClass(columns[0], columns[1], columns[2]));
            }
            return List.copyOf(classes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
