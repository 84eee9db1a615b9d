package dev.photosearch.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shipped text models give the vectors already stored in users' indexes. {@code text-vectors.tsv} was recorded at
 * commit 550990d, when MiniLM came from langchain4j 1.19.0-beta29 and bge from 1.20.0-beta30: one line per model,
 * kind (document or query) and sentence, with the vector. Accents, an emoji and a text longer than the models' 512
 * tokens are among the sentences.
 */
class TextVectorsTest {

    private record Recorded(TextModel model, boolean query, String text, float[] vector) {}

    @Test
    void everyModelGivesTheRecordedVectors() throws IOException {
        List<Recorded> recorded = recorded();
        Map<TextModel, TextEncoder> encoders = new EnumMap<>(TextModel.class);
        double worst = 0;
        for (Recorded r : recorded) {
            TextEncoder encoder = encoders.computeIfAbsent(r.model(), TextEncoder::load);
            float[] now = r.query() ? encoder.encodeQuery(r.text())
                    : encoder.encodeDocuments(List.of(r.text())).get(0);
            assertEquals(r.vector().length, now.length, r.model() + " " + r.text());
            for (int i = 0; i < now.length; i++) {
                worst = Math.max(worst, Math.abs(now[i] - r.vector()[i]));
            }
        }
        assertEquals(2 * 2 * 5, recorded.size(), "both models, queries and documents, five sentences");
        assertEquals(0, worst, 1e-5, "largest difference in one component");
    }

    private static List<Recorded> recorded() throws IOException {
        try (InputStream in = TextVectorsTest.class.getResourceAsStream("text-vectors.tsv")) {
            List<Recorded> recorded = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] columns = line.split("\t");
                String[] numbers = columns[3].split(" ");
                float[] vector = new float[numbers.length];
                for (int i = 0; i < numbers.length; i++) {
                    vector[i] = Float.parseFloat(numbers[i]);
                }
                recorded.add(new Recorded(TextModel.byName(columns[0]), columns[1].equals("query"), columns[2],
                        vector));
            }
            return recorded;
        }
    }
}
