import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Writes the COCO evaluation set: every human caption of ../shared/data/coco-mini-captions as a query whose
 * relevant photo is the one it describes (path relative to the images folder, as `index` stores it).
 * Run: java -cp app/target/photosearch.jar eval/CocoQueries.java [captions.jsonl] > /tmp/coco-captions.jsonl
 *
 * With --pick N it writes one caption of each of N photos instead: the photos sorted by path, shuffled with
 * java.util.Random(17), the first N kept in that order, and caption number (position mod 5) of each. That is the
 * English side of eval/coco-captions-fr.jsonl (same order, same photos; "caption" says which one was paraphrased).
 * Run: java -cp app/target/photosearch.jar eval/CocoQueries.java --pick 200 > /tmp/coco-captions-en.jsonl
 */
public class CocoQueries {
    public static void main(String[] args) throws Exception {
        List<String> rest = new ArrayList<>(List.of(args));
        int pick = 0;
        int at = rest.indexOf("--pick");
        if (at >= 0) {
            pick = Integer.parseInt(rest.get(at + 1));
            rest.subList(at, at + 2).clear();
        }
        Path captions = Path.of(!rest.isEmpty() ? rest.get(0) : "../shared/data/coco-mini-captions/captions.jsonl");
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> photos = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(captions)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                photos.add(json.readTree(line));
            }
        }
        PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
        if (pick == 0) {
            for (JsonNode photo : photos) {
                for (JsonNode caption : photo.get("captions")) {
                    out.println(query(json, photo, caption.asText()));
                }
            }
        } else {
            photos.sort(Comparator.comparing(CocoQueries::path));
            Collections.shuffle(photos, new Random(17));
            for (int i = 0; i < pick; i++) {
                JsonNode photo = photos.get(i);
                int number = i % photo.get("captions").size();
                out.println(query(json, photo, photo.get("captions").get(number).asText()).put("caption", number));
            }
        }
        out.flush();
    }

    private static String path(JsonNode photo) {
        return photo.get("file").asText().replaceFirst("^images/", "");
    }

    private static ObjectNode query(ObjectMapper json, JsonNode photo, String caption) {
        ObjectNode query = json.createObjectNode();
        query.put("query", caption.strip());
        query.putArray("relevant").add(path(photo));
        return query;
    }
}
