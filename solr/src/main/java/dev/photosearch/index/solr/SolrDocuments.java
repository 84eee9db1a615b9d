package dev.photosearch.index.solr;

import dev.photosearch.embed.TextModel;
import dev.photosearch.index.Fields;
import dev.photosearch.index.ImageVector;
import dev.photosearch.index.IndexedPhoto;
import dev.photosearch.index.PhotoJson;
import dev.photosearch.index.PhotoText;
import dev.photosearch.index.StoredPhoto;
import dev.photosearch.index.StoredState;
import dev.photosearch.index.TextAnalyzers;
import dev.photosearch.source.Photo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;

/** A photo as a document of the collection, and back: the fields of the embedded store, named for Solr. */
final class SolrDocuments {

    /** The dimension of the configset's text vectors: that of every {@link TextModel}. */
    static final int TEXT_DIMENSION = 384;
    /** The dimension of the configset's CLIP vectors: that of the CLIP ViT-B/32 models. */
    static final int CLIP_DIMENSION = 512;
    /** Solr's field of each document's version, for optimistic concurrency. */
    static final String VERSION = "_version_";

    private SolrDocuments() {}

    /** The Solr field of text field {@code field} analysed for {@code language}. */
    static String textField(String field, String language) {
        return field + "_" + language;
    }

    /**
     * The document of a photo with its text vector and CLIP vector (either may be null).
     *
     * @throws IllegalArgumentException when a vector's dimension is not the configset's
     */
    static SolrInputDocument of(IndexedPhoto entry, float[] vector, TextModel model, ImageVector image) {
        Photo photo = entry.photo();
        SolrInputDocument doc = new SolrInputDocument();
        doc.setField(Fields.ID, photo.id());
        doc.setField(SolrMeta.KIND, SolrMeta.PHOTO);
        doc.setField(Fields.SOURCE, photo.source());
        doc.setField(Fields.PATH, photo.path());
        doc.setField(Fields.FINGERPRINT, entry.fingerprint());
        if (entry.facts() != null && entry.facts().sha256() != null) {
            doc.setField(Fields.CONTENT, entry.facts().sha256());
        }
        if (entry.mediaProblem() != null) {
            doc.setField(Fields.IMAGE_UNUSABLE, entry.mediaProblem());
        }
        if (entry.imageTries() > 0) {
            doc.setField(Fields.IMAGE_TRIES, entry.imageTries());
        }
        Instant taken = PhotoText.takenAt(entry);
        if (taken != null) {
            doc.setField(Fields.TAKEN_AT, taken.getEpochSecond());
        }
        PhotoText.of(entry).forEach((field, text) -> {
            for (String language : TextAnalyzers.LANGUAGES) {
                doc.setField(textField(field, language), text);
            }
        });
        if (vector != null) {
            doc.setField(Fields.VECTOR, list(vector, TEXT_DIMENSION, "the text model " + model.id()));
            doc.setField(Fields.VECTOR_MODEL, model.id());
        }
        if (image != null) {
            doc.setField(Fields.CLIP, list(image.vector(), CLIP_DIMENSION, "the CLIP model " + image.model()));
            doc.setField(Fields.CLIP_MODEL, image.model());
        }
        doc.setField(Fields.STORED, PhotoJson.write(entry));
        return doc;
    }

    /** What decides whether indexing looks at the photo again. */
    static StoredState state(SolrDocument doc) {
        Object tries = doc.getFirstValue(Fields.IMAGE_TRIES);
        return new StoredState((String) doc.getFirstValue(Fields.FINGERPRINT),
                (String) doc.getFirstValue(Fields.CLIP_MODEL), (String) doc.getFirstValue(Fields.IMAGE_UNUSABLE),
                tries == null ? 0 : ((Number) tries).intValue());
    }

    /** The stored photo with its vectors. */
    static StoredPhoto stored(SolrDocument doc) {
        return new StoredPhoto(photo(doc), vector(doc, Fields.VECTOR), image(doc));
    }

    /** The CLIP vector with its model; null when the photo has none. */
    static ImageVector image(SolrDocument doc) {
        float[] clip = vector(doc, Fields.CLIP);
        String clipModel = (String) doc.getFirstValue(Fields.CLIP_MODEL);
        return clip == null || clipModel == null ? null : new ImageVector(clipModel, clip);
    }

    static IndexedPhoto photo(SolrDocument doc) {
        return PhotoJson.read((String) doc.getFirstValue(Fields.STORED));
    }

    /** The vector stored in {@code field}; null when the photo has none. */
    static float[] vector(SolrDocument doc, String field) {
        Collection<Object> values = doc.getFieldValues(field);
        if (values == null || values.isEmpty()) {
            return null;
        }
        float[] vector = new float[values.size()];
        int i = 0;
        for (Object value : values) {
            vector[i++] = ((Number) value).floatValue();
        }
        return vector;
    }

    private static List<Float> list(float[] vector, int dimension, String maker) {
        if (vector.length != dimension) {
            throw new IllegalArgumentException(maker + " makes " + vector.length + "-dimensional vectors; the Solr"
                    + " configset " + SolrConfigset.NAME + " holds " + dimension + " dimensions");
        }
        List<Float> list = new ArrayList<>(vector.length);
        for (float v : vector) {
            list.add(v);
        }
        return list;
    }
}
