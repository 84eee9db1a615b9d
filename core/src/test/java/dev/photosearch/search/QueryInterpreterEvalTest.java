package dev.photosearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.photosearch.source.Photo;
import dev.photosearch.source.Sources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The judged queries with dates and places of {@code eval/instagram-sr4136-when-where.jsonl}: the interpreter reads
 * each one as its {@code "interpreted"} field says, in the zone of the account's owner (Boston); and, when this
 * machine has the export in {@code ../shared/data}, every photo judged relevant lies in the interval and its caption
 * names the place, so the filter and the boost would keep it.
 */
class QueryInterpreterEvalTest {

    private static final Path FILE = Path.of("..", "eval", "instagram-sr4136-when-where.jsonl");
    private static final String EXPORT = "data/instagram-samples/export_sr4136/posts_1.json";
    private static final ZoneId BOSTON = ZoneId.of("America/New_York");
    private static final QueryInterpreter INTERPRETER = new QueryInterpreter(
            Clock.fixed(Instant.parse("2023-01-01T12:00:00Z"), BOSTON), Set.of());

    /** One line of the file. */
    private record Judged(String query, List<String> relevant, LocalDate from, LocalDate to, String place,
                          String words) {}

    @Test
    void readsEveryQueryAsTheFileSays() throws IOException {
        List<Judged> judged = judged();
        assertEquals(23, judged.size());
        for (Judged query : judged) {
            Interpretation reading = INTERPRETER.interpret(query.query());
            assertEquals(query.from().atStartOfDay(BOSTON).toInstant(), reading.from(), query.query());
            assertEquals(query.to().plusDays(1).atStartOfDay(BOSTON).toInstant().minusSeconds(1), reading.to(),
                    query.query());
            assertEquals(query.place(), reading.place(), query.query());
            assertEquals(query.words(), reading.words(), query.query());
        }
    }

    @Test
    void everyRelevantPhotoLiesInItsIntervalAndItsCaptionNamesThePlace() throws IOException {
        Path export = Stream.of(Path.of("..", "..", "shared", EXPORT), Path.of("/work/shared", EXPORT))
                .filter(Files::isRegularFile).findFirst().orElse(null);
        Assumptions.assumeTrue(export != null, "the Instagram export of ../shared/data is absent");
        Map<String, Photo> photos = Sources.open(export.toString()).scan().photos().stream()
                .collect(Collectors.toMap(Photo::path, Function.identity()));

        for (Judged query : judged()) {
            for (String path : query.relevant()) {
                Photo photo = photos.get(path);
                assertNotNull(photo, query.query() + ": " + path + " is not in the export");
                LocalDate day = photo.takenAt().atZone(BOSTON).toLocalDate();
                assertFalse(day.isBefore(query.from()) || day.isAfter(query.to()), query.query() + ": " + day);
                if (query.place() != null) {
                    String caption = QueryTokens.fold(photo.caption());
                    assertTrue(Arrays.stream(QueryTokens.fold(query.place()).split(" ")).anyMatch(caption::contains),
                            query.query() + ": " + photo.caption());
                }
            }
        }
    }

    private static List<Judged> judged() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Judged> judged = new ArrayList<>();
        for (String line : Files.readAllLines(FILE)) {
            JsonNode node = json.readTree(line);
            JsonNode reading = node.path("interpreted");
            List<String> relevant = new ArrayList<>();
            node.path("relevant").forEach(path -> relevant.add(path.asText()));
            judged.add(new Judged(node.path("query").asText(), relevant,
                    LocalDate.parse(reading.path("from").asText()), LocalDate.parse(reading.path("to").asText()),
                    reading.path("place").isNull() ? null : reading.path("place").asText(),
                    reading.path("words").asText()));
        }
        return judged;
    }
}
