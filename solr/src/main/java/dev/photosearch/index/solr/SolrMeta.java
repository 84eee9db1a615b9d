package dev.photosearch.index.solr;

import dev.photosearch.embed.TextModel;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.util.NamedList;

/**
 * What a collection records about itself, where every reader finds it: the configset it was made with, and one
 * document beside the photos with the format of their documents and the text model of their vectors (the embedded
 * store keeps both in its commit's data). Committed with the photos, so a reader never sees vectors without it.
 */
final class SolrMeta {

    /** The meta document's id; photo ids are hex digests, so it never names a photo. */
    static final String ID = "photosearch-meta";
    /** Tells photos from the meta document. */
    static final String KIND = "kind";
    static final String PHOTO = "photo";
    static final String META = "meta";
    private static final String FORMAT = "format";
    private static final String TEXT_MODEL = "text_model";

    /** What the meta document says. */
    record Recorded(int format, Optional<TextModel> textModel) {}

    private SolrMeta() {}

    /**
     * Fails with one line saying what to run when the collection is missing or was made for another version of
     * PhotoSearch.
     */
    static void checkCollection(SolrNodes nodes, String collection) throws IOException {
        Optional<String> configset = configsetOf(nodes, collection);
        if (configset.isEmpty()) {
            throw new IOException("no collection '" + collection + "' in the Solr cluster at " + nodes.urls()
                    + ": run 'photosearch " + options(nodes, collection) + " setup' first");
        }
        if (!configset.get().equals(SolrConfigset.NAME)) {
            throw new IOException("the Solr collection '" + collection + "' uses configset '" + configset.get()
                    + "' but this PhotoSearch needs '" + SolrConfigset.NAME + "': set up and index a new collection"
                    + " ('photosearch " + options(nodes, "NEW") + " setup'), or delete '" + collection
                    + "' and run setup again");
        }
    }

    /** The configset the collection was made with; empty when there is no such collection. */
    static Optional<String> configsetOf(SolrNodes nodes, String collection) throws IOException {
        List<?> names = (List<?>) nodes.send(new CollectionAdminRequest.List(), null).getResponse()
                .get("collections");
        if (names == null || !names.contains(collection)) {
            return Optional.empty();
        }
        Object status = nodes.send(new CollectionAdminRequest.ClusterStatus().setCollectionName(collection), null)
                .getResponse();
        for (String key : List.of("cluster", "collections", collection, "configName")) {
            // Solr answers with named lists outside and plain maps for a collection's properties.
            status = status instanceof NamedList<?> list ? list.get(key)
                    : status instanceof Map<?, ?> map ? map.get(key) : null;
        }
        return Optional.of(String.valueOf(status));
    }

    /** What the collection recorded; the current format and no model when nothing was written yet. */
    static Recorded read(SolrNodes nodes, String collection) throws IOException {
        ModifiableSolrParams params = new ModifiableSolrParams();
        params.set("q", "{!term f=id}" + ID);
        params.set("fl", FORMAT + "," + TEXT_MODEL);
        List<SolrDocument> found = nodes.send(new QueryRequest(params), collection).getResults();
        if (found.isEmpty()) {
            return new Recorded(SolrConfigset.VERSION, Optional.empty());
        }
        SolrDocument meta = found.get(0);
        Object format = meta.getFirstValue(FORMAT);
        Object model = meta.getFirstValue(TEXT_MODEL);
        return new Recorded(format == null ? SolrConfigset.VERSION : ((Number) format).intValue(),
                model == null ? Optional.empty() : Optional.of(TextModel.byName(model.toString())));
    }

    /** Fails with one line saying what to run when the photos were written by another version of PhotoSearch. */
    static Recorded checkFormat(SolrNodes nodes, String collection) throws IOException {
        Recorded recorded = read(nodes, collection);
        if (recorded.format() > SolrConfigset.VERSION) {
            throw new IOException("the Solr collection '" + collection + "' holds photos of format "
                    + recorded.format() + ", newer than this PhotoSearch's (" + SolrConfigset.VERSION
                    + "): run a newer photosearch");
        }
        if (recorded.format() < SolrConfigset.VERSION) {
            throw new IOException("the Solr collection '" + collection + "' holds photos of the old format "
                    + recorded.format() + " (this PhotoSearch needs " + SolrConfigset.VERSION
                    + "): set up a new collection ('photosearch " + options(nodes, "NEW")
                    + " setup') and index into it");
        }
        return recorded;
    }

    /** Adds the meta document (this format, and the text model when known) to {@code update}. */
    static void record(UpdateRequest update, TextModel model) {
        SolrInputDocument meta = new SolrInputDocument();
        meta.setField("id", ID);
        meta.setField(KIND, META);
        meta.setField(FORMAT, SolrConfigset.VERSION);
        if (model != null) {
            meta.setField(TEXT_MODEL, model.id());
        }
        update.add(meta);
    }

    /** The global options that reach this collection, for a command to suggest. */
    private static String options(SolrNodes nodes, String collection) {
        return "--solr " + nodes.urls().replace(", ", ",") + " --collection " + collection;
    }
}
