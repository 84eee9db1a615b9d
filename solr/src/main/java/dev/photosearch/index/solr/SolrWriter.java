package dev.photosearch.index.solr;

import dev.photosearch.embed.TextModel;
import dev.photosearch.index.Fields;
import dev.photosearch.index.ImageVector;
import dev.photosearch.index.IndexedPhoto;
import dev.photosearch.index.StoreWriter;
import dev.photosearch.index.StoredPhoto;
import dev.photosearch.index.StoredState;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.common.SolrInputDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write side of a Solr collection. Several writers, in several processes or machines, may write one collection
 * at once: there is no lock, and each works on its own source's photos. Where two writers may still touch one photo
 * (the same source indexed twice at once), each replace carries the version of the photo this writer read
 * ({@code _version_}, or "must not exist" for a photo its source did not hold): when another writer replaced or
 * added it meanwhile, Solr refuses ours (409) and theirs is kept, since both were made from the same source.
 * Photos are sent in batches that Solr makes visible within a second; {@link #commit} is a hard commit that makes
 * everything durable and visible before it returns, and the server's autoCommit covers a writer that stops before.
 */
final class SolrWriter implements StoreWriter {

    /** Photos sent in one request. */
    static final int BATCH = 100;
    /** How soon Solr makes a batch visible without a commit (a soft commit). */
    static final int COMMIT_WITHIN_MILLIS = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(SolrWriter.class);
    private static final String STATE_FIELDS = String.join(",", Fields.ID, Fields.FINGERPRINT, Fields.CLIP_MODEL,
            Fields.IMAGE_UNUSABLE, Fields.IMAGE_TRIES, SolrDocuments.VERSION);
    private static final String STORED_FIELDS = String.join(",", Fields.ID, Fields.CONTENT, Fields.STORED,
            Fields.VECTOR, Fields.CLIP, Fields.CLIP_MODEL, SolrDocuments.VERSION);

    private final SolrNodes nodes;
    private final String collection;
    private final SolrReads reads;
    /** The version of each photo as this writer read it, for optimistic concurrency. */
    private final Map<String, Long> versions = new ConcurrentHashMap<>();
    /** Sources whose photos this writer read: a photo of theirs it did not see must not exist yet. */
    private final Set<String> sourcesRead = ConcurrentHashMap.newKeySet();
    /** Photos this writer wrote: its own later replaces need no version. */
    private final Set<String> written = ConcurrentHashMap.newKeySet();
    /** Photos not sent yet, by id: a photo replaced again before it is sent is sent once, as last given. */
    private final Map<String, SolrInputDocument> pending = new LinkedHashMap<>();
    private int keptTheirs;

    SolrWriter(SolrNodes nodes, String collection) {
        this.nodes = nodes;
        this.collection = collection;
        this.reads = new SolrReads(nodes, collection);
    }

    @Override
    public Map<String, StoredState> states(String sourceKey) throws IOException {
        Map<String, StoredState> states = new HashMap<>();
        var params = SolrReads.photos();
        params.add("fq", SolrFilter.term(Fields.SOURCE, sourceKey));
        params.set("fl", STATE_FIELDS);
        reads.each(params, doc -> {
            String id = (String) doc.getFirstValue(Fields.ID);
            remember(id, doc.getFirstValue(SolrDocuments.VERSION));
            states.put(id, SolrDocuments.state(doc));
        });
        sourcesRead.add(sourceKey);
        return states;
    }

    @Override
    public Map<String, StoredPhoto> stored(Collection<String> ids) throws IOException {
        Map<String, StoredPhoto> found = new HashMap<>();
        reads.byValues(Fields.ID, ids, STORED_FIELDS, doc -> {
            String id = (String) doc.getFirstValue(Fields.ID);
            remember(id, doc.getFirstValue(SolrDocuments.VERSION));
            found.put(id, SolrDocuments.stored(doc));
        });
        return found;
    }

    @Override
    public Map<String, StoredPhoto> storedByContent(Collection<String> sha256s) throws IOException {
        Map<String, StoredPhoto> found = new HashMap<>();
        // In id order, so every writer reuses the same photo of an image that several sources hold.
        reads.byValues(Fields.CONTENT, sha256s, STORED_FIELDS,
                doc -> found.putIfAbsent((String) doc.getFirstValue(Fields.CONTENT), SolrDocuments.stored(doc)));
        return found;
    }

    @Override
    public synchronized void upsert(IndexedPhoto entry, float[] vector, TextModel model, ImageVector image)
            throws IOException {
        String id = entry.photo().id();
        SolrInputDocument doc = SolrDocuments.of(entry, vector, model, image);
        SolrInputDocument before = pending.get(id);
        Object version = before != null ? before.getFieldValue(SolrDocuments.VERSION)
                : expectedVersion(id, entry.photo().source());
        if (version != null) {
            doc.setField(SolrDocuments.VERSION, version);
        }
        pending.put(id, doc);
        if (pending.size() >= BATCH) {
            flush();
        }
    }

    @Override
    public synchronized void delete(Collection<String> ids) throws IOException {
        flush();
        if (ids.isEmpty()) {
            return;
        }
        Map<String, Consumer<UpdateRequest>> deletes = new LinkedHashMap<>();
        for (String id : ids) {
            Long version = versions.get(id);
            deletes.put(id, version != null && !written.contains(id)
                    ? update -> update.deleteById(id, version) : update -> update.deleteById(id));
        }
        send(deletes);
        ids.forEach(versions::remove);
    }

    @Override
    public synchronized Set<String> removeSource(String sourceKey) throws IOException {
        flush();
        Set<String> ids = new HashSet<>(states(sourceKey).keySet());
        UpdateRequest update = new UpdateRequest();
        update.deleteByQuery(SolrFilter.term(Fields.SOURCE, sourceKey));
        nodes.update(update, collection);
        hardCommit(new UpdateRequest());
        // The source holds none of them now.
        ids.forEach(versions::remove);
        written.removeAll(ids);
        return ids;
    }

    @Override
    public synchronized void commit(TextModel model) throws IOException {
        flush();
        UpdateRequest update = new UpdateRequest();
        SolrMeta.record(update, model);
        hardCommit(update);
        if (keptTheirs > 0) {
            LOG.info("{} photos were written meanwhile by another writer of the same source; theirs were kept",
                    keptTheirs);
            keptTheirs = 0;
        }
    }

    /** Solr merges segments itself as they grow; merging a shared collection at once is an operator's choice. */
    @Override
    public boolean compact(TextModel model) {
        return false;
    }

    /** Records the text model when none is recorded yet; the collection itself exists since setup. */
    @Override
    public synchronized void createIfAbsent(TextModel model) throws IOException {
        if (SolrMeta.read(nodes, collection).textModel().isEmpty()) {
            commit(model);
        }
    }

    /** Sends what is pending; Solr commits it soon (autoCommit), though not yet recorded with a text model. */
    @Override
    public synchronized void close() throws IOException {
        flush();
    }

    /**
     * The version a replace of this photo must find: the one this writer read, "none" (-1) when its source was
     * read without it, or null (no condition) once this writer wrote it itself or never read its source.
     */
    private Long expectedVersion(String id, String source) {
        if (written.contains(id)) {
            return null;
        }
        Long read = versions.get(id);
        if (read != null) {
            return read;
        }
        return sourcesRead.contains(source) ? -1L : null;
    }

    private void remember(String id, Object version) {
        if (version != null && !written.contains(id)) {
            versions.put(id, ((Number) version).longValue());
        }
    }

    private void flush() throws IOException {
        if (pending.isEmpty()) {
            return;
        }
        Map<String, Consumer<UpdateRequest>> adds = new LinkedHashMap<>();
        pending.forEach((id, doc) -> adds.put(id, update -> update.add(doc)));
        Set<String> refused = send(adds);
        for (String id : pending.keySet()) {
            if (!refused.contains(id)) {
                written.add(id);
                versions.remove(id);
            }
        }
        pending.clear();
    }

    /**
     * Sends the photos' updates in one request, or, when Solr refuses one because another writer changed that photo
     * first (409), each alone; returns the ids refused so (theirs are kept). Any other failure is thrown, and the
     * caller sends the same again later. Solr's TolerantUpdateProcessor, which would go on past a refusal, is not
     * used: it answers success for photos it could not forward to a shard leader that just died (a kill -9 test
     * lost 80 of 940 acknowledged photos so).
     */
    private Set<String> send(Map<String, Consumer<UpdateRequest>> updates) throws IOException {
        try {
            nodes.update(request(updates.values()), collection);
            return Set.of();
        } catch (SolrRefusedException e) {
            if (!e.conflict()) {
                throw e;
            }
        }
        Set<String> refused = new HashSet<>();
        for (Map.Entry<String, Consumer<UpdateRequest>> update : updates.entrySet()) {
            try {
                nodes.update(request(List.of(update.getValue())), collection);
            } catch (SolrRefusedException e) {
                if (!e.conflict()) {
                    throw e;
                }
                refused.add(update.getKey());
            }
        }
        keptTheirs += refused.size();
        return refused;
    }

    private static UpdateRequest request(Collection<Consumer<UpdateRequest>> updates) {
        UpdateRequest request = new UpdateRequest();
        request.setCommitWithin(COMMIT_WITHIN_MILLIS);
        updates.forEach(update -> update.accept(request));
        return request;
    }

    /** Sends {@code update} as a hard commit: durable on every replica and visible before it returns. */
    private void hardCommit(UpdateRequest update) throws IOException {
        update.setAction(UpdateRequest.ACTION.COMMIT, true, true);
        nodes.update(update, collection);
    }
}
