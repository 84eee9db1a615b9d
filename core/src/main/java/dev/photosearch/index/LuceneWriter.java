package dev.photosearch.index;

import dev.photosearch.embed.TextModel;
import dev.photosearch.source.Photo;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write side of the embedded store: a Lucene index on disk, written by one process at a time. Writes become
 * visible and durable at {@link #commit}; a crash between commits loses only the uncommitted photos, which the next
 * run indexes again.
 */
final class LuceneWriter implements StoreWriter {

    /** Segments beyond which {@link #compact} merges: each segment costs every vector search one more graph walk. */
    static final int MOST_SEGMENTS = 4;
    /** Share of deleted (replaced) photos beyond which {@link #compact} merges: searches still walk past them. */
    static final double MOST_DELETED = 0.1;

    private static final Logger LOG = LoggerFactory.getLogger(LuceneWriter.class);

    private final Directory directory;
    private final IndexWriter writer;

    private LuceneWriter(Directory directory, IndexWriter writer) {
        this.directory = directory;
        this.writer = writer;
    }

    /**
     * Opens the index in {@code dir} for writing, creating it when absent; fails clearly if another process has it
     * or if it is of another format.
     */
    static LuceneWriter open(Path dir) throws IOException {
        Files.createDirectories(dir);
        Directory directory = FSDirectory.open(dir);
        try {
            IndexWriterConfig config = new IndexWriterConfig(TextAnalyzers.perField())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(64);
            LuceneWriter opened = new LuceneWriter(directory, new IndexWriter(directory, config));
            try {
                opened.upgradeIfOlder(dir);
                return opened;
            } catch (IOException | RuntimeException e) {
                opened.writer.close();
                throw e;
            }
        } catch (org.apache.lucene.store.LockObtainFailedException e) {
            directory.close();
            throw new IOException("the index in " + dir + " is being written by another photosearch process", e);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    /** Checks the committed index's format, and rewrites it in the current one when it is older. */
    private void upgradeIfOlder(Path dir) throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return;
        }
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            Map<String, String> commitData = reader.getIndexCommit().getUserData();
            if (IndexFormat.writable(commitData, dir) < IndexFormat.CURRENT) {
                FormatUpgrade.run(reader, this, IndexFormat.textModel(commitData).orElse(TextModel.BGE_SMALL));
            }
        }
    }

    @Override
    public void upsert(IndexedPhoto entry, float[] vector, TextModel model, ImageVector image) throws IOException {
        Document doc = document(entry, vector, model);
        if (image != null) {
            doc.add(new KnnFloatVectorField(Fields.CLIP, image.vector(), VectorSimilarityFunction.COSINE));
            doc.add(new StringField(Fields.CLIP_MODEL, image.model(), Field.Store.YES));
        }
        writer.updateDocument(new Term(Fields.ID, entry.photo().id()), doc);
    }

    @Override
    public void delete(Collection<String> ids) throws IOException {
        writer.deleteDocuments(ids.stream().map(id -> new Term(Fields.ID, id)).toArray(Term[]::new));
    }

    @Override
    public void commit(TextModel model) throws IOException {
        writer.setLiveCommitData(IndexFormat.commitData(model).entrySet());
        writer.commit();
    }

    /**
     * Merges the committed index into one segment when it has more than {@value #MOST_SEGMENTS} segments or more
     * than a tenth of replaced photos, and commits; returns whether it did. A query then walks one HNSW graph
     * instead of one per segment (about 3 times less vector-search CPU at 100,000 photos in 14 segments); the merge
     * costs about a millisecond of CPU per photo, only when the index is fragmented.
     */
    @Override
    public boolean compact(TextModel model) throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return false;
        }
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            boolean fragmented = reader.leaves().size() > MOST_SEGMENTS
                    || reader.numDeletedDocs() > MOST_DELETED * reader.maxDoc();
            if (!fragmented) {
                return false;
            }
            LOG.info("Merging the index ({} photos in {} segments, {} replaced) into one segment for faster searches",
                    reader.numDocs(), reader.leaves().size(), reader.numDeletedDocs());
        }
        writer.forceMerge(1);
        commit(model);
        return true;
    }

    @Override
    public void createIfAbsent(TextModel model) throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            commit(model);
        }
    }

    /** Keeps the index's text model and format: a collected account's files stay where they are. */
    @Override
    public Set<String> removeSource(String sourceKey) throws IOException {
        Set<String> ids = states(sourceKey).keySet();
        writer.deleteDocuments(new Term(Fields.SOURCE, sourceKey));
        writer.commit();
        return ids;
    }

    /** Read in one pass over the source's photos. */
    @Override
    public Map<String, StoredState> states(String sourceKey) throws IOException {
        Map<String, StoredState> states = new HashMap<>();
        if (!DirectoryReader.indexExists(directory)) {
            return states;
        }
        Set<String> fields = Set.of(Fields.ID, Fields.FINGERPRINT, Fields.CLIP_MODEL, Fields.IMAGE_UNUSABLE,
                Fields.IMAGE_TRIES);
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                PostingsEnum postings = leaf.reader().postings(new Term(Fields.SOURCE, sourceKey), PostingsEnum.NONE);
                if (postings == null) {
                    continue;
                }
                Bits live = leaf.reader().getLiveDocs();
                StoredFields stored = leaf.reader().storedFields();
                for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                    if (live == null || live.get(doc)) {
                        Document d = stored.document(doc, fields);
                        IndexableField tries = d.getField(Fields.IMAGE_TRIES);
                        states.put(d.get(Fields.ID), new StoredState(d.get(Fields.FINGERPRINT),
                                d.get(Fields.CLIP_MODEL), d.get(Fields.IMAGE_UNUSABLE),
                                tries == null ? 0 : tries.numericValue().intValue()));
                    }
                }
            }
        }
        return states;
    }

    @Override
    public Map<String, StoredPhoto> stored(Collection<String> ids) throws IOException {
        return storedBy(Fields.ID, ids);
    }

    @Override
    public Map<String, StoredPhoto> storedByContent(Collection<String> sha256s) throws IOException {
        return storedBy(Fields.CONTENT, sha256s);
    }

    private Map<String, StoredPhoto> storedBy(String field, Collection<String> values) throws IOException {
        Map<String, StoredPhoto> found = new HashMap<>();
        if (values.isEmpty() || !DirectoryReader.indexExists(directory)) {
            return found;
        }
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            StoredFields stored = searcher.storedFields();
            for (String value : values) {
                ScoreDoc[] hits = searcher.search(new TermQuery(new Term(field, value)), 1).scoreDocs;
                if (hits.length > 0) {
                    int doc = hits[0].doc;
                    Document d = stored.document(doc, Set.of(Fields.STORED, Fields.CLIP_MODEL));
                    String clipModel = d.get(Fields.CLIP_MODEL);
                    ImageVector image = clipModel == null ? null : StoredVectors.read(reader, doc, Fields.CLIP)
                            .map(v -> new ImageVector(clipModel, v)).orElse(null);
                    found.put(value, new StoredPhoto(PhotoJson.read(d.get(Fields.STORED)),
                            StoredVectors.read(reader, doc, Fields.VECTOR).orElse(null), image));
                }
            }
        }
        return found;
    }

    private static Document document(IndexedPhoto entry, float[] vector, TextModel model) {
        Photo photo = entry.photo();
        Document doc = new Document();
        doc.add(new StringField(Fields.ID, photo.id(), Field.Store.YES));
        doc.add(new SortedDocValuesField(Fields.ID, new BytesRef(photo.id())));
        doc.add(new StringField(Fields.SOURCE, photo.source(), Field.Store.NO));
        doc.add(new StringField(Fields.PATH, photo.path(), Field.Store.NO));
        doc.add(new StoredField(Fields.FINGERPRINT, entry.fingerprint()));
        if (entry.facts() != null && entry.facts().sha256() != null) {
            doc.add(new StringField(Fields.CONTENT, entry.facts().sha256(), Field.Store.NO));
        }
        if (entry.mediaProblem() != null) {
            doc.add(new StoredField(Fields.IMAGE_UNUSABLE, entry.mediaProblem()));
        }
        if (entry.imageTries() > 0) {
            doc.add(new StoredField(Fields.IMAGE_TRIES, entry.imageTries()));
        }
        Instant taken = PhotoText.takenAt(entry);
        if (taken != null) {
            long epoch = taken.getEpochSecond();
            doc.add(new LongPoint(Fields.TAKEN_AT, epoch));
            doc.add(new NumericDocValuesField(Fields.TAKEN_AT, epoch));
        }
        PhotoText.of(entry).forEach((field, text) -> {
            for (String language : TextAnalyzers.LANGUAGES) {
                doc.add(new TextField(TextAnalyzers.field(field, language), text, Field.Store.NO));
            }
        });
        if (vector != null) {
            doc.add(new KnnFloatVectorField(Fields.VECTOR, vector, VectorSimilarityFunction.COSINE));
            doc.add(new StringField(Fields.VECTOR_MODEL, model.id(), Field.Store.NO));
        }
        doc.add(new StoredField(Fields.STORED, PhotoJson.write(entry)));
        return doc;
    }

    @Override
    public void close() throws IOException {
        try (directory) {
            writer.close();
        }
    }
}
