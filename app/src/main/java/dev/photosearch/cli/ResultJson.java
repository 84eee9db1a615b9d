package dev.photosearch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.photosearch.index.IndexedPhoto;
import dev.photosearch.search.Hit;
import dev.photosearch.search.SearchResults;
import dev.photosearch.source.Photo;

/** The JSON shape of search results for programs: one object per query; {@code list} prints photos the same way. */
final class ResultJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultJson() {}

    static String line(SearchResults results) {
        ObjectNode root = JSON.createObjectNode();
        root.put("query", results.query());
        root.put("total", results.total());
        root.put("took_ms", results.tookMs());
        ArrayNode hits = root.putArray("results");
        for (Hit hit : results.hits()) {
            hits.add(hit(hit));
        }
        return root.toString();
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
