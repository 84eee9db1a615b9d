package dev.photosearch.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The doc_ids of the web app's GraphQL queries by name ({@code posts}), from {@code instagram-doc-ids.properties},
 * overridden by {@code NAME=ID} settings, because Instagram retires them without notice.
 */
public record DocIds(Map<String, String> ids) {

    /** Environment variable of overrides: {@code NAME=ID[,NAME=ID...]}. */
    public static final String ENV = "PHOTOSEARCH_INSTAGRAM_DOC_IDS";
    /** The query of a profile's posts. */
    static final String POSTS = "posts";

    public DocIds {
        ids = Map.copyOf(ids);
    }

    /** The ids shipped with PhotoSearch. */
    public static DocIds defaults() {
        Properties properties = new Properties();
        try (InputStream in = DocIds.class.getResourceAsStream("instagram-doc-ids.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("instagram-doc-ids.properties is missing from the jar", e);
        }
        Map<String, String> ids = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(name -> ids.put(name, properties.getProperty(name).strip()));
        return new DocIds(ids);
    }

    /** These ids with {@code NAME=ID} settings applied; a clear error for a malformed one. */
    public DocIds with(Iterable<String> settings) throws SourceException {
        Map<String, String> changed = new LinkedHashMap<>(ids);
        for (String setting : settings) {
            String[] parts = setting.strip().split("=", 2);
            if (parts.length != 2 || !parts[0].strip().matches("[a-z_]+") || !parts[1].strip().matches("\\d{1,30}")) {
                throw new SourceException("\"" + setting + "\" is not a doc_id setting: expected NAME=DIGITS, e.g."
                        + " posts=1234567890");
            }
            changed.put(parts[0].strip(), parts[1].strip());
        }
        return new DocIds(changed);
    }

    /** The id of a query; null when none is known. */
    String get(String name) {
        return ids.get(name);
    }
}
