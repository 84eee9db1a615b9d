package dev.photosearch.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What was collected from one account, kept under the home folder so nothing is ever lost:
 * {@code posts.jsonl}, appended to and synced after every page (a post seen again is a newer line for the same
 * key: the last line wins), and {@code state.json}, the unfinished passes and the account's numeric id, replaced
 * atomically.
 */
final class CollectionStore {

    /**
     * One stored post.
     *
     * @param key       the post's key (shortcode or media id)
     * @param collected when this version was fetched
     * @param post      the post as Instagram gave it
     */
    record Entry(String key, Instant collected, JsonNode post) {}

    /** Every post, in the order first collected, and how many lines could not be read. */
    record Contents(List<Entry> entries, int damagedLines) {
        boolean isEmpty() {
            return entries.isEmpty();
        }
    }

    private final Path dir;

    CollectionStore(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    private Path posts() {
        return dir.resolve("posts.jsonl");
    }

    private Path state() {
        return dir.resolve("state.json");
    }

    Contents load() throws IOException {
        if (!Files.exists(posts())) {
            return new Contents(List.of(), 0);
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        int damaged = 0;
        // InputStreamReader replaces malformed UTF-8 (a line cut inside a character) instead of failing the file.
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(Files.newInputStream(posts()), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                Entry entry = parse(line);
                if (entry == null) {
                    damaged++; // a line cut short by a crash; its post is collected again
                } else {
                    entries.put(entry.key(), entry);
                }
            }
        }
        return new Contents(new ArrayList<>(entries.values()), damaged);
    }

    private static Entry parse(String line) {
        try {
            JsonNode node = JsonInput.MAPPER.readTree(line);
            String key = node.path("key").asText("");
            JsonNode post = node.get("post");
            if (key.isEmpty() || post == null || !post.isObject()) {
                return null;
            }
            return new Entry(key, Instant.parse(node.path("collected").asText("1970-01-01T00:00:00Z")), post);
        } catch (JsonProcessingException | java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** Appends the entries and syncs them to disk before returning. */
    void append(List<Entry> entries) throws IOException {
        if (entries.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        for (Entry entry : entries) {
            ObjectNode line = JsonInput.MAPPER.createObjectNode();
            line.put("key", entry.key());
            line.put("collected", entry.collected().toString());
            line.set("post", entry.post());
            text.append(JsonInput.MAPPER.writeValueAsString(line)).append('\n');
        }
        Files.createDirectories(dir);
        try (FileChannel channel = FileChannel.open(posts(), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            if (!endsWithNewline()) {
                text.insert(0, '\n'); // a crash cut the last line short: never glue a good line onto it
            }
            ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
    }

    private boolean endsWithNewline() throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(posts().toFile(), "r")) {
            if (file.length() == 0) {
                return true;
            }
            file.seek(file.length() - 1);
            return file.read() == '\n';
        }
    }

    /** The unfinished passes saved by the last run; empty when there are none or the file is unreadable. */
    List<CollectionPass> readPasses() throws IOException {
        try {
            return CollectionPass.listFromJson(readState());
        } catch (MalformedEntryException e) {
            // the posts are safe in posts.jsonl; a lost cursor only means walking the profile again
            return List.of();
        }
    }

    /** Saves the unfinished passes, keeping the rest of the state. */
    void writePasses(List<CollectionPass> passes) throws IOException {
        ObjectNode state = readState();
        state.set("passes", CollectionPass.listToJson(passes));
        writeState(state);
    }

    /** The account's numeric id saved by an earlier run; null when none is. */
    String readUserId() throws IOException {
        String id = readState().path("user_id").asText("");
        return id.matches("\\d+") ? id : null;
    }

    /** Saves the account's numeric id, so later runs need not look it up. */
    void saveUserId(String id) throws IOException {
        ObjectNode state = readState();
        if (!id.equals(state.path("user_id").asText(""))) {
            state.put("user_id", id);
            writeState(state);
        }
    }

    /** The state; an empty one when there is none or it cannot be read. */
    private ObjectNode readState() throws IOException {
        if (!Files.exists(state())) {
            return JsonInput.MAPPER.createObjectNode();
        }
        try {
            JsonNode state = JsonInput.MAPPER.readTree(Files.readString(state()));
            return state instanceof ObjectNode object ? object : JsonInput.MAPPER.createObjectNode();
        } catch (JsonProcessingException e) {
            return JsonInput.MAPPER.createObjectNode();
        }
    }

    /** Replaces the state atomically: a crash leaves the old state or the new one, never half of one. */
    private void writeState(ObjectNode state) throws IOException {
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".state", ".tmp");
        try {
            Files.writeString(temp, JsonInput.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(state));
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temp, state(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
