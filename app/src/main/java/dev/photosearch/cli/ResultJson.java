package dev.photosearch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.photosearch.index.IndexedPhoto;
import dev.photosearch.search.Hit;
import dev.photosearch.search.Interpretation;
import dev.photosearch.search.SearchResults;
import dev.photosearch.source.Photo;
import java.util.List;
import java.util.Locale;

/** The JSON shape of search results for programs: one object per query; {@code list} prints photos the same way. */
final class ResultJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultJson() {}

    /** The results of {@code hits} (all of them, or only the likely matches). */
    static String line(SearchResults results, List<Hit> hits) {
        ObjectNode root = JSON.createObjectNode();
        root.put("query", results.query());
        root.put("candidates", results.candidates());
        root.put("matches", results.matches());
        root.put("took_ms", results.tookMs());
        root.set("interpreted", interpreted(results.interpreted()));
        ArrayNode array = root.putArray("results");
        for (Hit hit : hits) {
            array.add(hit(hit));
        }
        return root.toString();
    }

    private static ObjectNode interpreted(Interpretation reading) {
        ObjectNode node = JSON.createObjectNode();
        if (reading.from() != null) {
            node.put("from", reading.from().toString());
        }
        if (reading.to() != null) {
            node.put("to", reading.to().toString());
        }
        if (reading.place() != null) {
            node.put("place", reading.place());
        }
        node.put("words", reading.words());
        ArrayNode spans = node.putArray("spans");
        for (Interpretation.Span span : reading.spans()) {
            spans.addObject().put("kind", span.kind().name().toLowerCase(Locale.ROOT)).put("start", span.start())
                    .put("end", span.end()).put("text", span.text());
        }
        return node;
    }

    /** A JSON line for a query that could not be searched. */
    static String error(String query, String message) {
        ObjectNode root = JSON.createObjectNode();
        root.put("query", query);
        root.put("error", message);
        return root.toString();
    }

    private static ObjectNode hit(Hit hit) {
        ObjectNode node = photo(hit.photo());
        node.put("score", Math.round(hit.score() * 10000) / 10000.0);
        node.put("likely", hit.likely());
        ObjectNode matched = node.putObject("matched");
        hit.matched().forEach(matched::put);
        return node;
    }

    /** A photo as results show it, without what a search adds (score, matched): what {@code list} prints. */
    static ObjectNode photo(IndexedPhoto entry) {
        Photo photo = entry.photo();
        ObjectNode node = JSON.createObjectNode();
        node.put("id", photo.id());
        node.put("path", photo.path());
        node.put("description", entry.description().summary());
        node.put("caption", photo.caption());
        node.put("source", photo.source());
        if (photo.takenAt() != null) {
            node.put("taken_at", photo.takenAt().toString());
        }
        if (photo.permalink() != null) {
            node.put("permalink", photo.permalink());
        }
        if (entry.thumbnail() != null) {
            node.put("thumbnail", entry.thumbnail());
        }
        return node;
    }
}
