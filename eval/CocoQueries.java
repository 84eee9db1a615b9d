import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the COCO evaluation set: every human caption of ../shared/data/coco-mini-captions as a query whose
 * relevant photo is the one it describes (path relative to the images folder, as `index` stores it).
 * Run: java -cp target/photosearch.jar eval/CocoQueries.java [captions.jsonl] > /tmp/coco-captions.jsonl
 */
public class CocoQueries {
    public static void main(String[] args) throws Exception {
        Path captions = Path.of(args.length > 0 ? args[0] : "../shared/data/coco-mini-captions/captions.jsonl");
        ObjectMapper json = new ObjectMapper();
        PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
        try (BufferedReader in = Files.newBufferedReader(captions)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                JsonNode photo = json.readTree(line);
                String path = photo.get("file").asText().replaceFirst("^images/", "");
                for (JsonNode caption : photo.get("captions")) {
                    ObjectNode query = json.createObjectNode();
                    query.put("query", caption.asText().strip());
                    query.putArray("relevant").add(path);
                    out.println(query);
                }
            }
        }
        out.flush();
    }
}
