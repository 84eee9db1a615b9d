package dev.photosearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line contract, run on the built-in example export. */
class CommandLineTest {

    @TempDir
    static Path home;

    static final Path EXAMPLE = Path.of("../examples/instagram-export");
    static final ObjectMapper JSON = new ObjectMapper();

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        return runIn(home, args);
    }

    /** Runs the command line with {@code --home home} and the given arguments. */
    static Run runIn(Path home, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 2];
        all[0] = "--home";
        all[1] = home.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), all);
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void indexExample() {
        Run run = run("index", EXAMPLE.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("13 new"), run.out());
    }

    @Test
    void reindexingTheSameSourceChangesNothing() {
        Run run = run("index", EXAMPLE.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("0 new, 0 updated, 13 unchanged, 0 removed"), run.out());
    }

    @Test
    void searchPrintsJsonWithTheContractFields() throws Exception {
        Run run = run("search", "--json", "--limit", "3", "a", "boat", "on", "a", "lake");
        assertEquals(0, run.code(), run.err());
        JsonNode root = JSON.readTree(run.out());
        JsonNode first = root.get("results").get(0);
        assertEquals("media/posts/202307/example_2.jpg", first.get("path").asText());
        assertTrue(first.get("caption").asText().contains("Lake Annecy"));
        for (String field : new String[] {"id", "path", "score", "description", "caption", "matched", "likely"}) {
            assertTrue(first.has(field), field);
        }
        assertEquals(3, root.get("results").size());
        assertEquals(13, root.get("candidates").asInt());
        assertEquals(1, root.get("matches").asInt());
        assertTrue(first.get("likely").asBoolean());
        assertFalse(root.get("results").get(1).get("likely").asBoolean());
        assertEquals("a boat on a lake", root.get("interpreted").get("words").asText());
    }

    @Test
    void searchForPeopleShowsRankPathAndDescriptionAndWhereTheLikelyMatchesEnd() {
        Run run = run("search", "--limit", "3", "a red bike");
        assertEquals(0, run.code(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals("1 likely match among 13 candidates.", lines.get(0));
        assertTrue(lines.get(1).startsWith(" 1. ") && lines.get(1).endsWith("media/posts/202304/example_7.jpg"),
                run.out());
        assertEquals("    -- less likely --", lines.get(4), run.out());
        assertTrue(lines.get(5).startsWith(" 2. "), run.out());
    }

    @Test
    void aSearchWithoutLikelyMatchSaysSoAndStillRanks() {
        // The French caption's words find it; the English text model does not see it as close.
        Run run = run("search", "gâteau d'anniversaire");
        assertEquals(0, run.code(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals("No likely match among 13 candidates.", lines.get(0));
        assertEquals("    -- less likely --", lines.get(1));
        assertTrue(lines.get(2).startsWith(" 1. ") && lines.get(2).endsWith("media/posts/202303/example_8.jpg"),
                run.out());
    }

    @Test
    void listForPeopleShowsDateAndPathNewestFirst() {
        Run run = run("list", "--limit", "3");
        assertEquals(0, run.code(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals("2023-11-13  media/posts/202311/example_6.jpg", lines.get(0));
        assertTrue(lines.get(1).startsWith("2023-10-14  media/posts/202310/example_1"), lines.get(1));
        assertEquals("Photos 1 to 3 of 13.", lines.get(3));
        Run last = run("list", "--sort", "date", "--offset", "12");
        assertEquals(List.of("2023-11-13  media/posts/202311/example_6.jpg", "Photos 13 to 13 of 13."),
                last.out().lines().toList());
    }

    @Test
    void listJsonKeepsTheFiltersWholeDays() throws Exception {
        Run run = run("list", "--json", "--from", "2023-07-01", "--to", "2023-08-31", "--sort=-date");
        assertEquals(0, run.code(), run.err());
        JsonNode root = JSON.readTree(run.out());
        assertEquals(3, root.get("total").asInt());
        List<String> paths = new ArrayList<>();
        root.get("photos").forEach(p -> paths.add(p.get("path").asText()));
        assertEquals(List.of("media/posts/202308/example_9.jpg", "media/posts/202307/example_2.jpg",
                "media/posts/202307/example_1.jpg"), paths);
        JsonNode first = root.get("photos").get(0);
        for (String field : new String[] {"id", "path", "description", "caption", "source", "taken_at"}) {
            assertTrue(first.has(field), field);
        }
        assertFalse(first.has("score") || first.has("matched"), first.toString());
        Run elsewhere = run("list", "--json", "--source", "folder:/nowhere");
        assertEquals("{\"total\":0,\"photos\":[]}", elsewhere.out().strip());
        assertEquals("No photo matches these filters.", run("list", "--to", "2020-01-01").out().strip());
    }

    @Test
    void listRefusesWrongUsage() {
        for (String[] bad : List.of(new String[] {"--from", "2023-13-01"}, new String[] {"--sort", "relevance"},
                new String[] {"--limit", "0"}, new String[] {"--offset", "-1"},
                new String[] {"--from", "2023-08-01", "--to", "2023-07-01"})) {
            String[] args = new String[bad.length + 1];
            args[0] = "list";
            System.arraycopy(bad, 0, args, 1, bad.length);
            Run run = run(args);
            assertEquals(2, run.code(), String.join(" ", bad) + ": " + run.out() + run.err());
            assertFalse(run.err().isBlank(), String.join(" ", bad));
        }
        assertTrue(run("list", "--sort", "relevance").err().contains("-date"));
    }

    @Test
    void onlyLikelyLeavesTheOthersOut() throws Exception {
        Run people = run("search", "--only-likely", "a boat on a lake");
        assertEquals(0, people.code(), people.err());
        assertEquals(1, people.out().lines().filter(line -> line.matches(" ?\\d+\\. .*")).count(), people.out());
        assertFalse(people.out().contains("less likely"), people.out());
        JsonNode json = JSON.readTree(run("search", "--json", "--only-likely", "a boat on a lake").out());
        assertEquals(1, json.get("results").size());
        assertEquals(1, json.get("matches").asInt());
    }

    @Test
    void datesAndPlacesSaidAreReadAndCanBeLeftAsWords() throws Exception {
        Run run = run("search", "croissant in Paris in October 2023");
        assertEquals(0, run.code(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals("Read \"in Paris\" as the place Paris (--literal place searches it as words).", lines.get(0));
        assertEquals("Read \"in October 2023\" as photos taken from 2023-10-01 to 2023-10-31 (--literal date "
                + "searches it as words).", lines.get(1));
        JsonNode read = JSON.readTree(run("search", "--json", "croissant in Paris in October 2023").out());
        assertEquals(3, read.get("candidates").asInt(), "the photos of October 2023");
        assertEquals("Paris", read.get("interpreted").get("place").asText());
        assertEquals("croissant", read.get("interpreted").get("words").asText());
        JsonNode literal = JSON.readTree(run("search", "--json", "--literal", "date,place",
                "croissant in Paris in October 2023").out());
        assertEquals(13, literal.get("candidates").asInt());
        assertEquals(0, literal.get("interpreted").get("spans").size());
        assertFalse(literal.get("interpreted").has("place"));
    }

    @Test
    void queriesFromStandardInputGiveOneJsonLineEach() throws Exception {
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream("red bicycle\n\nespresso\n".getBytes(StandardCharsets.UTF_8)));
            Run run = run("search", "--limit", "1", "-");
            assertEquals(0, run.code(), run.err());
            var lines = run.out().lines().toList();
            assertEquals(3, lines.size());
            assertEquals("media/posts/202304/example_7.jpg",
                    JSON.readTree(lines.get(0)).get("results").get(0).get("path").asText());
            assertTrue(JSON.readTree(lines.get(1)).has("error"));
            assertEquals("media/posts/202309/example_10.jpg",
                    JSON.readTree(lines.get(2)).get("results").get(0).get("path").asText());
        } finally {
            System.setIn(stdin);
        }
    }

    @Test
    void evalPrintsTheContractKeys() throws Exception {
        Path file = home.resolve("judged.jsonl");
        Files.writeString(file, "{\"query\": \"snowy mountains\", \"relevant\": [\"media/posts/202212/example_4.jpg\"]}\n"
                + "{\"query\": \"dog playing with a ball\", \"relevant\": [\"media/posts/202305/example_11.jpg\"]}\n");
        Run run = run("eval", "--json", file.toString());
        assertEquals(0, run.code(), run.err());
        JsonNode scores = JSON.readTree(run.out());
        assertEquals(2, scores.get("queries").asInt());
        assertEquals(1.0, scores.get("recall@10").asDouble());
        for (String key : new String[] {"recall@1", "recall@5", "recall@10", "mrr", "queries"}) {
            assertTrue(scores.has(key), key);
        }
    }

    @Test
    void badSourcesAreExplainedAndLeaveTheIndexAlone() throws Exception {
        Run missing = run("index", home.resolve("no-such-folder").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("no-such-folder"), missing.err());

        Path junk = Files.writeString(home.resolve("notes.bin"), "\u0001\u0002 not a source");
        Run unknown = run("index", junk.toString());
        assertEquals(1, unknown.code());
        assertTrue(unknown.err().contains("notes.bin"), unknown.err());

        Run search = run("search", "--json", "sunset");
        assertEquals(0, search.code());
        assertEquals("media/posts/202307/example_1.jpg",
                JSON.readTree(search.out()).get("results").get(0).get("path").asText());
    }

    @Test
    void searchingBeforeIndexingSaysWhatToDo() {
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
                "--home", home.resolve("empty-home").toString(), "search", "cat");
        assertEquals(1, code);
        assertTrue(err.toString().contains("photosearch index"), err.toString());
    }
}
