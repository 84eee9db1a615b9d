package dev.photosearch.index.solr;

import dev.photosearch.index.Fields;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.lucene.analysis.snowball.SnowballFilter;

/**
 * The configset of a PhotoSearch collection, uploaded under a versioned name: the schema and solrconfig shipped
 * here, and the word lists made from the very files the embedded store's analysis reads, so the two cannot drift.
 */
public final class SolrConfigset {

    /**
     * The layout of the collection's documents and schema. A collection made for another version is refused, with
     * what to run, rather than misread.
     */
    public static final int VERSION = 1;
    /** The name the configset is uploaded under. */
    public static final String NAME = "photosearch-v" + VERSION;

    private static final String EVERYDAY_WORDS = "everyday-words.txt";
    private static final String FRENCH_STOP = "french_stop.txt";

    private SolrConfigset() {}

    /** The configset's files by name, as Solr reads them. */
    static Map<String, byte[]> files() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("schema.xml", resource(SolrConfigset.class, "configset/schema.xml"));
        files.put("solrconfig.xml", resource(SolrConfigset.class, "configset/solrconfig.xml"));
        files.put(FRENCH_STOP, resource(SnowballFilter.class, FRENCH_STOP));
        files.put(EVERYDAY_WORDS, synonyms(new String(resource(Fields.class, EVERYDAY_WORDS),
                StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        return files;
    }

    /** The configset as the zip the Configsets API takes. */
    static byte[] zip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : files().entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Solr's synonym rules for the everyday words ("man, men => person"): each query word maps to itself and to
     * the description's words, since the embedded store's query keeps the query's own word too, and Solr's rule
     * format has no other way to say so.
     */
    static String synonyms(String everydayWords) {
        StringBuilder rules = new StringBuilder();
        for (String line : everydayWords.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] sides = line.split("=>");
            if (sides.length != 2) {
                throw new IllegalStateException(EVERYDAY_WORDS + ": expected 'words => words' in: " + line);
            }
            String target = String.join(" ", sides[1].strip().split("\\s+"));
            for (String word : sides[0].split(",")) {
                rules.append(word.strip()).append(" => ").append(word.strip()).append(", ").append(target)
                        .append('\n');
            }
        }
        return rules.toString();
    }

    private static byte[] resource(Class<?> anchor, String name) {
        try (InputStream in = anchor.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " beside " + anchor.getName());
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
