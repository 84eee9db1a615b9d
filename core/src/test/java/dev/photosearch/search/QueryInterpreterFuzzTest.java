package dev.photosearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.photosearch.search.Interpretation.Kind;
import dev.photosearch.search.Interpretation.Span;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the query interpreter (Jazzer): whatever the text and whichever of four days it is read
 * on (a leap day, the eve and the first of a year, a day of 1900), it never throws; every span lies within the text
 * and says the text there, spans do not overlap, a date span comes with an interval whose start is not after its
 * end, and a place span with a place. The first byte chooses the day, the rest is the query in UTF-8.
 */
@Timeout(10)
class QueryInterpreterFuzzTest {

    private static final List<QueryInterpreter> INTERPRETERS = List.of(
            interpreter("2024-02-29T12:00:00Z", "Europe/Paris"),
            interpreter("2024-12-31T23:30:00Z", "Pacific/Kiritimati"),
            interpreter("2025-01-01T00:00:00Z", "America/Los_Angeles"),
            interpreter("1900-03-01T00:00:00Z", "UTC"));

    private static QueryInterpreter interpreter(String now, String zone) {
        return new QueryInterpreter(Clock.fixed(Instant.parse(now), ZoneId.of(zone)),
                Set.of("Walden Pond", "Paris, France", "Nice", "Rio de Janeiro", "L"));
    }

    @FuzzTest
    void interpret(byte[] input) {
        QueryInterpreter interpreter = INTERPRETERS.get(input.length == 0 ? 0 : (input[0] & 0xff) % 4);
        String query = new String(input.length == 0 ? input : Arrays.copyOfRange(input, 1, input.length),
                StandardCharsets.UTF_8);

        Interpretation reading = interpreter.interpret(query);

        int after = 0;
        for (Span span : reading.spans()) {
            assertTrue(span.start() >= after && span.start() < span.end() && span.end() <= query.length(),
                    span + " in a text of " + query.length());
            assertEquals(query.substring(span.start(), span.end()), span.text());
            after = span.end();
        }
        boolean date = reading.spans().stream().anyMatch(span -> span.kind() == Kind.DATE);
        assertEquals(date, reading.from() != null || reading.to() != null, reading.toString());
        if (reading.from() != null && reading.to() != null) {
            assertFalse(reading.from().isAfter(reading.to()), reading.toString());
        }
        boolean place = reading.spans().stream().anyMatch(span -> span.kind() == Kind.PLACE);
        assertEquals(place, reading.place() != null && !reading.place().isBlank(), reading.toString());
        if (reading.spans().isEmpty()) {
            assertEquals(query, reading.words());
        }
    }
}
