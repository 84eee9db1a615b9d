package dev.photosearch.vision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The COCO photos of ../shared/data/coco-mini-captions that list their true object categories, when present. */
final class CocoMini {

    /** A photo and how many instances of each COCO class it truly shows. */
    record Labelled(Path image, Map<String, Integer> counts) {}

    private CocoMini() {}

    /** The data folder, from -Dcoco.dir, else ../shared/data/coco-mini-captions; empty when absent. */
    static Optional<Path> dir() {
        Path dir = Path.of(System.getProperty("coco.dir", "../shared/data/coco-mini-captions"));
        return Files.isRegularFile(dir.resolve("captions.jsonl")) ? Optional.of(dir) : Optional.empty();
    }

    static List<Labelled> labelled(Path dir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Labelled> photos = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("captions.jsonl"))) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode entry = json.readTree(line);
            JsonNode categories = entry.get("object_categories");
            if (categories == null) {
                continue;
            }
            Map<String, Integer> counts = new TreeMap<>();
            categories.fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asInt()));
            photos.add(new Labelled(dir.resolve(entry.get("file").asText()), counts));
        }
        return photos;
    }
}
