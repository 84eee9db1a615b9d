package dev.photosearch.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.photosearch.index.Fields;
import dev.photosearch.index.IndexedPhoto;
import dev.photosearch.index.PhotoJson;
import dev.photosearch.vision.SceneRules;
import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;

/**
 * Validates every scene rule on photos indexed with the detector against their human captions: how often the rule
 * fires, how often a caption confirms it (precision), and how often captions say so anyway (the base rate).
 * Usage: SceneRulesReport HOME/index captions.jsonl (the COCO captions of ../shared/data/coco-mini-captions).
 */
public final class SceneRulesReport {

    public static void main(String[] args) throws Exception {
        Map<String, String> captionsByPath = captions(Path.of(args[1]));
        Map<String, SceneRules.Seen> seenByPath = new HashMap<>();
        try (var dir = FSDirectory.open(Path.of(args[0])); DirectoryReader reader = DirectoryReader.open(dir)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                StoredFields stored = leaf.reader().storedFields();
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    IndexedPhoto photo = PhotoJson.read(stored.document(doc, Set.of(Fields.STORED)).get(Fields.STORED));
                    seenByPath.put(photo.photo().path(), SceneRules.Seen.of(photo.analyses()));
                }
            }
        }
        System.out.printf("%d photos with captions and analyses%n", seenByPath.size());
        System.out.println("phrase\tfires\tconfirmed\tprecision\tbase rate\tconditions");
        for (SceneRules.Rule rule : SceneRules.load().rules()) {
            Pattern evidence = Pattern.compile("\\b(" + String.join("|", rule.evidence()) + ")");
            int fires = 0;
            int confirmed = 0;
            int base = 0;
            for (var e : seenByPath.entrySet()) {
                boolean said = evidence.matcher(captionsByPath.getOrDefault(e.getKey(), "")).find();
                base += said ? 1 : 0;
                if (rule.holds().test(e.getValue())) {
                    fires++;
                    confirmed += said ? 1 : 0;
                }
            }
            System.out.printf(Locale.ROOT, "%s\t%d\t%d\t%.2f\t%.2f\t%s%n", rule.phrase(), fires, confirmed,
                    fires == 0 ? 0.0 : confirmed / (double) fires, base / (double) seenByPath.size(),
                    rule.conditions());
        }
    }

    /** The five captions of each photo, lower-cased and joined, by path relative to the images folder. */
    static Map<String, String> captions(Path file) throws Exception {
        Map<String, String> byPath = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader in = Files.newBufferedReader(file)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                JsonNode node = json.readTree(line);
                StringBuilder all = new StringBuilder();
                node.get("captions").forEach(c -> all.append(c.asText().toLowerCase(Locale.ROOT)).append(" \n "));
                byPath.put(node.get("file").asText().replaceFirst("^images/", ""), all.toString());
            }
        }
        return byPath;
    }

    private SceneRulesReport() {}

}
